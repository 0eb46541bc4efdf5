namespace PrivacyHoldout156.Support;

/// <summary>The salon platform settings the services bind from configuration.</summary>
public sealed class SalonOptions
{
    public string Brand { get; init; } = "shear-and-co";

    public int NoShowLimit { get; init; } = 2;

    public decimal DepositPercent { get; init; } = 20m;

    public TimeSpan PatchTestWait { get; init; } = TimeSpan.FromHours(48);

    public int MinimumTattooAge { get; init; } = 18;

    public string ReminderTemplateId { get; init; } = "tpl-appt-reminder";

    public string DepositTemplateId { get; init; } = "tpl-deposit-taken";

    public string CastingTemplateId { get; init; } = "tpl-casting-received";

    public int MaxStopsPerRound { get; init; } = 9;

    public Uri BookingUrl { get; init; } = new("https://book.example-salon.co.uk");
}
