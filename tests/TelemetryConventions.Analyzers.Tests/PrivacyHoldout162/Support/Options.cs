namespace PrivacyHoldout162.Support;

/// <summary>The food platform settings the services bind from configuration.</summary>
public sealed class FoodOptions
{
    public string Region { get; init; } = "uk-south";

    public int MaxCovers { get; init; } = 12;

    public decimal MinimumTopUp { get; init; } = 5m;

    public string ReceiptTemplateId { get; init; } = "tpl-receipt";

    public string BookingTemplateId { get; init; } = "tpl-booking";

    public TimeSpan RiderOfferTimeout { get; init; } = TimeSpan.FromSeconds(45);
}
