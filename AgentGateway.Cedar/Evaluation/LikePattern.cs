namespace AgentGateway.Cedar.Evaluation;

/// <summary>A <c>like</c> pattern: literal characters and <c>*</c> wildcards (an escaped <c>\*</c> is a literal star).</summary>
internal sealed class LikePattern(string chars, bool[] wildcard)
{
    /// <summary>The pattern's characters (a wildcard position holds <c>*</c>), for policy linting.</summary>
    public string Characters => chars;

    /// <summary>Greedy wildcard matching with single-point backtracking: O(n·m) worst case, no allocation.</summary>
    public bool Matches(string text)
    {
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < chars.Length && wildcard[p])
            {
                starP = p++;
                starT = t;
            }
            else if (p < chars.Length && chars[p] == text[t])
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < chars.Length && wildcard[p])
        {
            p++;
        }

        return p == chars.Length;
    }
}
