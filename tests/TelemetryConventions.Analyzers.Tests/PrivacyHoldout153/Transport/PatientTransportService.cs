namespace PrivacyHoldout153.Transport;

/// <summary>Books patient transport to eye hospital and dental hospital appointments for patients who cannot travel alone.</summary>
public sealed class PatientTransportService(
    IDeliveryNotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<PatientTransportService> logger)
{
    private static readonly ActivitySource Source = new("HighStreet.Delivery.Transport");
    private static readonly Meter Meter = new("HighStreet.Delivery.Transport");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("transport.bookings");

    public async Task BookAsync(TransportBooking booking, string depot, int hour, CancellationToken cancellationToken)
    {
        using var span = Source.StartMeddeliveryOperation(depot);
        span.SetMeddeliveryRecipientId(pseudonymizer.PseudonymizeMeddeliveryRecipientId(booking.NhsNumber)); // clean generated-api
        Activity.Current?.SetTag("transport.booking", booking.BookingId); // clean precision-names
        Activity.Current?.SetTag("transport.wheelchair", booking.Wheelchair); // clean precision-about
        Activity.Current?.SetTag("transport.pickup.postcode", booking.PickupPostcode); // leak TC1001 direct
        Activity.Current?.SetTag("transport.escort", booking.EscortName); // leak TC1001 direct
        Activity.Current?.SetTag("transport.has_escort", !string.IsNullOrEmpty(booking.EscortName)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("transport.depot", depot), new KeyValuePair<string, object?>("transport.wheelchair", booking.Wheelchair)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("transport.patient", pseudonymizer.PseudonymizeMeddeliveryRecipientId(booking.NhsNumber).Value)); // leak TC1003 precision-pseudonym

        try
        {
            if (hour < 7)
            {
                throw new NoVehicleException(depot, hour);
            }
            await notifier.TextAsync(booking.Mobile, $"Your transport is booked for {hour}:00", cancellationToken);
            span.SetMeddeliveryNote($"Booked {booking.BookingId} for {hour}:00"); // clean generated-api
            span.SetMeddeliveryNote($"Texted {booking.Mobile}"); // leak TC1001 generated-api
        }
        catch (NoVehicleException ex)
        {
            span.SetMeddeliveryOutcome(ex.Message); // clean exceptions
            Activity.Current?.SetTag(MeddeliveryAttributes.Contact, booking.Mobile); // leak TC1001 generated-api
            Meter.CreateMeddeliveryDeliveriesCounter().Add(1, depot, meddeliveryOutcome: "no-vehicle"); // clean generated-api
        }

        logger.LogInformation("Booking {BookingId} for {Patient}", booking.BookingId, pseudonymizer.ComputeMeddeliveryRecipientId(booking.NhsNumber)); // clean precision-pseudonym
        logger.LogInformation("Booking {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booking mobile starts {Prefix}", booking.Mobile[..3]); // clean precision-about
        Meter.CreateMeddeliveryDeliveriesCounter().Add(1, depot, meddeliveryOutcome: $"booked:{booking.NhsNumber}"); // leak TC1003 generated-api
    }
}
