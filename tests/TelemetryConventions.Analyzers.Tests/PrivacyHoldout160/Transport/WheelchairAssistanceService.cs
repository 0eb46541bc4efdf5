namespace PrivacyHoldout160.Transport;

/// <summary>Books rail assistance for passengers travelling with powered wheelchairs and scooters.</summary>
public sealed class WheelchairAssistanceService(
    ILogger<WheelchairAssistanceService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Histogram<int> weights = meter.CreateHistogram<int>("caretravel.wheelchair.weight");
    private readonly Dictionary<string, string> mobilesByStation = new();

    public void Book(AssistanceBooking booking, string crewStaffId)
    {
        using var span = source.StartCaretravelOperation(booking.Station);
        span.SetCaretravelCrewId(pseudonymizer.PseudonymizeCaretravelCrewId(crewStaffId)); // clean generated-api
        span.SetCaretravelDeviceModel(booking.WheelchairModel); // clean generated-api
        span.SetCaretravelItemCount(1); // clean generated-api
        Activity.Current?.SetTag("assistance.id", booking.AssistanceId); // clean precision-names
        Activity.Current?.SetTag("assistance.station", booking.Station); // clean precision-names
        Activity.Current?.SetTag(CaretravelAttributes.Contact, booking.Mobile); // leak TC1001 generated-api
        Activity.Current?.SetTag("assistance.crew", crewStaffId); // leak TC1001 direct
        weights.Record(booking.WeightKg, new KeyValuePair<string, object?>("model", booking.WheelchairModel)); // clean precision-about
        weights.Record(booking.WeightKg, new KeyValuePair<string, object?>("crew", pseudonymizer.ComputeCaretravelCrewId(crewStaffId))); // leak TC1003 precision-pseudonym
        mobilesByStation[booking.Station] = booking.Mobile;
        logger.LogInformation("Assistance booked: {Text}", Summarise(booking)); // leak TC1001 strings
        logger.LogInformation("Assistance booked: {Text}", $"{booking.WheelchairModel}, {booking.WeightKg} kg at {booking.Station}"); // clean strings
    }

    public void ConfirmArrivals()
    {
        foreach (var pair in mobilesByStation)
        {
            logger.LogInformation("Arrival at {Station} confirmed to {Mobile}", pair.Key, pair.Value); // leak TC1001 cross-member
            logger.LogInformation("Arrival at {Station} confirmed", pair.Key); // clean cross-member
        }
    }

    private static string Summarise(AssistanceBooking booking) => string.Format(CultureInfo.InvariantCulture, "{0} ({1}) at {2}", booking.PassengerName, booking.Mobile, booking.Station);
}
