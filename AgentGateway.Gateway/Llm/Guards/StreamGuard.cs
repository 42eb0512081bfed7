using System.Text;

namespace AgentGateway.Llm.Guards;

/// <summary>
/// Applies a <see cref="GuardSet"/> to streamed text. The last <see cref="GuardSet.HoldBack"/> characters are held
/// back, so a match split across chunks is complete before any part of it is released.
/// </summary>
internal sealed class StreamGuard(GuardSet guards)
{
    private readonly StringBuilder _pending = new();

    /// <summary>Adds a chunk; returns the text that is safe to release now (may be empty).</summary>
    public string Push(string text)
    {
        _pending.Append(text);
        if (_pending.Length <= GuardSet.HoldBack)
        {
            return "";
        }

        var masked = guards.Apply(_pending.ToString());
        _pending.Clear();
        var release = masked.Length - GuardSet.HoldBack;
        if (release <= 0)
        {
            _pending.Append(masked);
            return "";
        }

        _pending.Append(masked, release, masked.Length - release);
        return masked[..release];
    }

    /// <summary>Releases whatever is held back at the end of the stream.</summary>
    public string Flush()
    {
        var masked = guards.Apply(_pending.ToString());
        _pending.Clear();
        return masked;
    }
}
