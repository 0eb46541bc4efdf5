namespace PrivacyHoldout157.Support;

/// <summary>The stay platform settings the services bind from configuration.</summary>
public sealed class StayOptions
{
    public string BrandCode { get; init; } = "NS";

    public string HomeCountry { get; init; } = "GB";

    public int MaxNightsPerBooking { get; init; } = 28;

    public TimeSpan LockCodeLead { get; init; } = TimeSpan.FromHours(2);

    public TimeSpan CheckInCutOff { get; init; } = TimeSpan.FromHours(22);

    public decimal DepositPerNight { get; init; } = 50m;

    public string ConfirmationTemplateId { get; init; } = "tpl-booking-confirmed";

    public string ArrivalTemplateId { get; init; } = "tpl-arrival-code";

    public Uri GuestPortalUrl { get; init; } = new("https://stay.example.co.uk");
}
