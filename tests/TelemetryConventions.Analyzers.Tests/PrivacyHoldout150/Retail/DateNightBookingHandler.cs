namespace PrivacyHoldout150.Retail;

public sealed record BookDateNight(Guid HostMemberId, Guid GuestMemberId, string RestaurantId, string BookingName, int Covers, DateTimeOffset At, string? PromoCode, string? ReferralCode);

public interface IRestaurantPartner
{
    Task<Restaurant?> FindAsync(string restaurantId, CancellationToken cancellationToken = default);

    Task<string> ReserveAsync(string restaurantId, string bookingName, int covers, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>Books a table at a partner restaurant for two matches, with a campaign promo code or a member's referral code.</summary>
public sealed partial class DateNightBookingHandler(
    IRestaurantPartner partner,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<DateNightBookingHandler> logger)
{
    private readonly Counter<long> _bookings = meter.CreateCounter<long>("datingstore.date_night.bookings");
    private readonly Counter<long> _codesRedeemed = meter.CreateCounter<long>("datingstore.codes.redeemed");

    public DateNightBooking? LastBooking { get; private set; }

    public async Task<DateNightBooking?> HandleAsync(BookDateNight command, CancellationToken cancellationToken)
    {
        using var span = source.StartDatingstoreOperation("android-gb");
        span.SetDatingstoreSku(command.RestaurantId).SetDatingstoreItemCount(command.Covers); // clean generated-api
        span.SetDatingstoreMemberId(pseudonymizer.PseudonymizeDatingstoreMemberId(command.HostMemberId.ToString())); // clean precision-pseudonym
        var restaurant = await partner.FindAsync(command.RestaurantId, cancellationToken);
        if (restaurant is null)
        {
            span.SetDatingstoreOutcome("restaurant_unknown"); // clean generated-api
            return null;
        }

        Activity.Current?.SetTag("date_night.restaurant", restaurant.Name); // clean precision-about
        Activity.Current?.SetTag("date_night.price_band", restaurant.PriceBand); // clean precision-about
        Activity.Current?.SetTag("date_night.hour", command.At.Hour); // clean precision-about
        Activity.Current?.SetTag("date_night.promo", command.PromoCode); // clean precision-about
        Activity.Current?.SetTag("date_night.referral", command.ReferralCode); // leak TC1001 direct
        Activity.Current?.SetTag("date_night.booking_name", command.BookingName); // leak TC1001 direct
        if (command.PromoCode is not null)
        {
            _codesRedeemed.Add(1, new KeyValuePair<string, object?>("code.campaign", command.PromoCode)); // clean precision-about
        }

        if (command.ReferralCode is not null)
        {
            _codesRedeemed.Add(1, new KeyValuePair<string, object?>("code.referrer", command.ReferralCode)); // leak TC1003 direct
        }

        var bookingId = await partner.ReserveAsync(restaurant.RestaurantId, command.BookingName, command.Covers, command.At, cancellationToken);
        LastBooking = new DateNightBooking(bookingId, restaurant.RestaurantId, command.BookingName, command.HostMemberId, command.GuestMemberId, command.Covers, command.At);
        _bookings.Add(1, new KeyValuePair<string, object?>("date_night.city", restaurant.City)); // clean precision-about
        LogBooked(logger, LastBooking); // leak TC1001 logging-objects
        LogBookedRedacted(logger, bookingId, command.BookingName, restaurant.City); // clean logging-objects
        logger.LogInformation("Booked {BookingId} at {Restaurant}", bookingId, restaurant); // clean logging-objects
        span.SetDatingstoreNote($"table for {command.Covers} under {command.BookingName}"); // leak TC1001 generated-api
        meter.CreateDatingstorePurchasesCounter().Add(1, "android-gb", "date_night"); // clean generated-api
        meter.CreateDatingstorePurchasesCounter().Add(1, "android-gb", command.GuestMemberId.ToString()); // leak TC1003 generated-api
        logger.LogDatingstoreOperationFailedEvent("android-gb", "guest_unconfirmed", datingstoreMemberId: pseudonymizer.PseudonymizeDatingstoreMemberId(command.GuestMemberId.ToString())); // clean precision-pseudonym
        return LastBooking;
    }

    /// <summary>Read by the partner success team's dashboard refresh.</summary>
    public void Publish()
    {
        Activity.Current?.SetTag("date_night.last.covers", LastBooking?.Covers); // clean cross-member
        Activity.Current?.SetTag("date_night.last.guest", LastBooking?.GuestMemberId); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Date night booked {Booking}")]
    private static partial void LogBooked(ILogger logger, DateNightBooking booking);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Booking {BookingId} under {BookingName} in {City}")]
    private static partial void LogBookedRedacted(ILogger logger, string bookingId, [PrivateData] string bookingName, string city);
}
