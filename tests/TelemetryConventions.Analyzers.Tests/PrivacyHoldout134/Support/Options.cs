namespace PrivacyHoldout134.Support;

/// <summary>The medicines settings the services bind from configuration.</summary>
public sealed class MedicinesOptions
{
    public string DispenserOdsCode { get; init; } = "FX123";

    public int RepeatLeadDays { get; init; } = 7;

    public int LockerHoldHours { get; init; } = 72;

    public decimal CdDiscrepancyTolerance { get; init; } = 0m;

    public string ReminderTemplateId { get; init; } = "tpl-rx-ready-v2";
}
