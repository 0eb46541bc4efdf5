namespace PrivacyHoldout88.Support;

/// <summary>The alerting settings every service binds from configuration.</summary>
public sealed class AlertingOptions
{
    public string RoutingKey { get; init; } = string.Empty;

    public string AlertsChannelId { get; init; } = "C04ALERTS01";

    public string OnCallScheduleId { get; init; } = "PSCHED01";

    public string EscalationPolicyId { get; init; } = "PESC001";

    /// <summary>The user group mentioned for critical alerts (a team, not a person).</summary>
    public string OnCallGroupId { get; init; } = "S0614TZR7";

    public string StatusPageId { get; init; } = "page-01";

    public string ServiceName { get; init; } = string.Empty;
}
