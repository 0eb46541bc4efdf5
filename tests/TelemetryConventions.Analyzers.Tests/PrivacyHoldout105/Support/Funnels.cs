namespace ClickKit.Funnels
{
    public sealed record FunnelStep(string Name, string EventName);

    public sealed record FunnelDefinition(string FunnelId, string Name, IReadOnlyList<FunnelStep> Steps, TimeSpan Window);

    /// <summary>How many entered and completed one step. Prints its members.</summary>
    public sealed record StepCount(string Step, int Entered, int Completed)
    {
        public double Conversion => Entered == 0 ? 0 : (double)Completed / Entered;
    }

    /// <summary>
    /// A funnel computed over a window: counts per step and, for follow-up, the ids of who dropped off at each
    /// step. Prints its members (the lists as their types' names).
    /// </summary>
    public sealed record FunnelReport(string FunnelId, DateOnly From, DateOnly To, IReadOnlyList<StepCount> Steps)
    {
        public Dictionary<string, List<string>> DroppedOff { get; init; } = new();

        public double OverallConversion => Steps.Count == 0 || Steps[0].Entered == 0 ? 0 : (double)Steps[^1].Completed / Steps[0].Entered;
    }

    /// <summary>One row of a retention table: the cohort, its size and the share still active each week. Prints its members.</summary>
    public sealed record CohortRow(string Cohort, int Size, IReadOnlyList<double> Retention);

    public interface IFunnelQuery
    {
        Task<FunnelReport> RunAsync(FunnelDefinition funnel, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<CohortRow>> RetentionAsync(string cohortBy, DateOnly from, int weeks, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<string>> MembersAsync(string cohort, CancellationToken cancellationToken = default);
    }

    /// <summary>Thrown when a funnel query runs over its budget; quotes the funnel and the budget.</summary>
    public sealed class FunnelQueryTimeoutException(string funnelId, TimeSpan budget)
        : TimeoutException($"Funnel '{funnelId}' did not complete within {budget.TotalSeconds:0}s")
    {
        public string FunnelId { get; } = funnelId;
    }
}
