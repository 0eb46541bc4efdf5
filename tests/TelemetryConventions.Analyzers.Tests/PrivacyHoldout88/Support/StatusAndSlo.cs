namespace StatusKit
{
    public enum ComponentState
    {
        Operational,
        DegradedPerformance,
        PartialOutage,
        MajorOutage,
    }

    /// <summary>An update of a public status page incident. Prints its members.</summary>
    public sealed record StatusUpdate(string PageId, string IncidentName, string Status, string Body, IReadOnlyDictionary<string, ComponentState> Components);

    public interface IStatusPageClient
    {
        Task<string> PostIncidentUpdateAsync(StatusUpdate update, CancellationToken cancellationToken = default);
    }
}

namespace SloKit
{
    /// <summary>A burn-rate alert of a multi-window SLO. Prints its members.</summary>
    public sealed record BurnRateAlert(string SloName, string Service, double Objective, double BurnRate, TimeSpan LongWindow, TimeSpan ShortWindow, double BudgetRemaining);

    public sealed record SloStatus(string SloName, double Objective, double Attained, double BudgetRemaining);

    public static class BurnRate
    {
        public static double Of(double errorRatio, double objective) => errorRatio / (1 - objective);
    }
}
