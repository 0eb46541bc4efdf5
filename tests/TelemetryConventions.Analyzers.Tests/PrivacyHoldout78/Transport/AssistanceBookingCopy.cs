namespace PrivacyHoldout78.Transport;

public sealed record AssistanceBooking(string BookingReference, Guid RiderId, string FullName, string Email, string AssistanceType, string StationCrs, DateTimeOffset MeetAt, string Culture);

/// <summary>
/// The confirmation of a Passenger Assistance booking ("Dear Ms Okafor, staff will meet you at the
/// ticket office with a ramp at 09:10"), as email and as the text read out by the app's screen reader.
/// </summary>
public sealed partial class AssistanceBookingCopy(
    IStringLocalizer<AssistanceBookingCopy> localizer,
    ActivitySource source,
    ILogger<AssistanceBookingCopy> logger)
{
    public RenderedNotification Confirm(AssistanceBooking booking)
    {
        using var span = source.StartTransitcopyRender("assistance.confirmation");
        var culture = CultureInfo.GetCultureInfo(booking.Culture);
        CultureInfo.CurrentUICulture = culture;
        var meet = TimeZoneInfo.ConvertTime(booking.MeetAt, TimeZones.FindOrUtc("Europe/London")).ToString("t", culture);
        var salutation = localizer["Confirm.Salutation", booking.FullName].Value;
        var detail = localizer["Confirm.Detail." + booking.AssistanceType, localizer["Station." + booking.StationCrs].Value, meet].Value;

        span.Activity?.SetTag("assistance.booking", booking.BookingReference); // clean precision-about
        span.Activity?.SetTag("assistance.type", booking.AssistanceType); // clean precision-about
        span.SetTransitcopyMessageSubject(localizer["Confirm.Subject", booking.BookingReference].Value); // clean generated-api
        span.Activity?.SetTag("assistance.salutation.masked", NameMask.Mask(booking.FullName)); // clean precision-about
        span.Activity!.DisplayName = $"assistance {booking.BookingReference} for {booking.FullName}"; // leak TC1001 strings

        using (logger.BeginScope("Booking {BookingReference} {Email}", booking.BookingReference, booking.Email)) // leak TC1001 direct
        {
            LogConfirmed(logger, booking.BookingReference, booking.FullName); // clean direct
            logger.LogInformation("Confirmation detail {Detail}", detail); // clean strings
            logger.LogDebug("Confirmation salutation {Salutation}", salutation); // leak TC1001 strings
        }

        var notification = new RenderedNotification("assistance.confirm", culture.Name, booking.Email, localizer["Confirm.Subject", booking.BookingReference].Value, salutation + "\n" + detail);
        span.Activity?.SetTag("assistance.notification", notification.ToString()); // leak TC1001 logging-objects
        return notification;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assistance booking {BookingReference} confirmed for {FullName}")]
    private static partial void LogConfirmed(ILogger logger, string bookingReference, [PrivateData] string fullName);
}
