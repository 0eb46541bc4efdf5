namespace PrivacyHoldout178.Support;

/// <summary>The emergency platform settings the services bind from configuration.</summary>
public sealed class EmergencyOptions
{
    public string ControlRoom { get; init; } = "north-west";

    public int CategoryOneTargetSeconds { get; init; } = 420;

    public int HandoverTargetMinutes { get; init; } = 15;

    public string ReferralTemplateId { get; init; } = "tpl-safeguarding-v2";

    public bool TraceCallerNumbers { get; init; }
}
