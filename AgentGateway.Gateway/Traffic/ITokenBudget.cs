namespace AgentGateway.Traffic;

/// <summary>
/// LLM token limits of the request's route. The LLM handler reserves an estimate before calling the
/// provider, then settles the actual usage (or releases the reservation when the call failed).
/// </summary>
public interface ITokenBudget
{
    /// <summary>Whether the request's route has any token limit (so an estimate is worth computing).</summary>
    bool Applies(HttpContext context);

    /// <summary>
    /// Reserves <paramref name="estimate"/> tokens in every token limit of the route. When a limit has no room,
    /// nothing is reserved, <see cref="ITokenLease.IsAcquired"/> is false and the 429 was already written.
    /// </summary>
    ValueTask<ITokenLease> ReserveAsync(HttpContext context, long estimate, CancellationToken cancellationToken = default);
}

/// <summary>A token reservation: settle it with the actual usage, or release it.</summary>
public interface ITokenLease
{
    /// <summary>Whether the reservation was admitted (false: the handler must stop; the response is written).</summary>
    bool IsAcquired { get; }

    /// <summary>Replaces the estimate by the actual usage (may exceed the limit: the call already happened).</summary>
    ValueTask SettleAsync(long actual, CancellationToken cancellationToken = default);

    /// <summary>Gives the whole reservation back (the call failed before using tokens).</summary>
    void Release();
}
