namespace PrivacyHoldout152.Support;

/// <summary>The childcare platform settings the services bind from configuration.</summary>
public sealed class NurseryOptions
{
    public string GroupName { get; init; } = "Little Acorns Nurseries";

    public int ChildrenPerStaffUnderTwo { get; init; } = 3;

    public int ChildrenPerStaffTwoYearOlds { get; init; } = 5;

    public TimeSpan SleepCheckInterval { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan LateCollectionGrace { get; init; } = TimeSpan.FromMinutes(10);

    public decimal LateCollectionFee { get; init; } = 15m;

    public double SleepRoomMaxTemperatureC { get; init; } = 20.0;

    public int ScreenTimeMinutesPerDay { get; init; } = 30;

    public string DoseTemplateId { get; init; } = "tpl-dose-given";

    public string AccidentTemplateId { get; init; } = "tpl-accident-head";

    public string InvoiceTemplateId { get; init; } = "tpl-invoice-issued";

    public Uri ParentPortalUrl { get; init; } = new("https://parents.example-nursery.co.uk");
}
