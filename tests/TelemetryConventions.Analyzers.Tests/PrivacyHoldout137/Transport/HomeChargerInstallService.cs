namespace PrivacyHoldout137.Transport;

/// <summary>An EV subscription member's home charger and smart meter install.</summary>
public sealed record ChargerInstallOrder(
    string OrderId,
    Guid MemberId,
    string MemberName,
    string Mobile,
    string AccountNumber,
    string Postcode,
    double HomeLatitude,
    double HomeLongitude,
    string VehicleRegistration,
    string ChargerModel,
    string SlotId);

public sealed record ChargerCommissioned(string OrderId, string ChargerSerial, string ChargerModel, string NewMeterSerial, bool OffPeakTariffApplied);

public sealed class ChargerOfflineException(string chargerSerial)
    : Exception($"Charger {chargerSerial} has not connected to the back office")
{
    public string ChargerSerial { get; } = chargerSerial;
}

/// <summary>
/// The EV subscription's home-charging onboarding: books the smart meter exchange and charger install in one
/// visit, then moves the member to the off-peak EV tariff once the charger and meter are commissioned.
/// </summary>
public sealed partial class HomeChargerInstallService(
    IWorkforceClient workforce,
    Pseudonymizer pseudonymizer,
    ILogger<HomeChargerInstallService> logger)
{
    private static readonly ActivitySource Source = new("Mobility.EvSubscriptions.HomeCharging");
    private static readonly Meter Meter = new("Mobility.EvSubscriptions.HomeCharging");
    private static readonly Counter<long> Commissioned = Meter.CreateCounter<long>("home_charging.commissioned");

    public async Task<InstallAppointment> BookAsync(ChargerInstallOrder order, CancellationToken ct)
    {
        using var span = Source.StartSmartinstallBook("ev-partner")
            .SetSmartinstallCustomerId(pseudonymizer.PseudonymizeSmartinstallCustomerId(order.AccountNumber)) // clean precision-pseudonym
            .SetSmartinstallSlotId(order.SlotId); // clean precision-names
        span.Activity?.SetTag("ev.order", order.OrderId); // clean precision-names
        span.Activity?.SetTag("ev.charger_model", order.ChargerModel); // clean precision-names
        span.Activity?.SetTag("ev.home.lat", Math.Round(order.HomeLatitude, 1)); // clean precision-about
        span.Activity?.SetTag("ev.home", $"{order.HomeLatitude:F5},{order.HomeLongitude:F5}"); // leak TC1001 strings
        span.Activity?.SetTag("ev.vehicle", order.VehicleRegistration); // leak TC1001 direct
        span.Activity?.SetTag("ev.member", order.MemberId); // leak TC1001 direct

        var appointment = await workforce.BookAsync(order.AccountNumber, order.Postcode, order.SlotId, $"EV charger {order.ChargerModel}", ct);
        span.SetSmartinstallAppointmentId(appointment.AppointmentId).SetSmartinstallOutcome("booked"); // clean precision-names
        LogBooked(logger, appointment.AppointmentId, order.MemberName); // leak TC1001 direct
        logger.LogInformation("Install booked {Appointment}", appointment); // leak TC1001 logging-objects
        return appointment;
    }

    public void Commission(ChargerInstallOrder order, ChargerCommissioned done)
    {
        using var span = Source.StartSmartinstallBook("ev-partner").SetSmartinstallOutcome("installed"); // clean precision-names
        span.Activity?.SetTag("ev.charger_serial_prefix", done.ChargerSerial[..4]); // clean precision-about
        span.Activity?.SetTag("ev.off_peak", done.OffPeakTariffApplied); // clean precision-about
        span.Activity?.SetTag("ev.charger_serial", done.ChargerSerial); // leak TC1001 direct
        logger.LogInformation("Commissioned {Done}", done); // leak TC1001 logging-objects
        Commissioned.Add(1, new KeyValuePair<string, object?>("model", done.ChargerModel), new("off_peak", done.OffPeakTariffApplied)); // clean precision-names
    }

    public void ChargerOffline(ChargerOfflineException ex, string orderId)
    {
        using var span = Source.StartSmartinstallBook("ev-partner");
        span.RecordException(ex); // clean exceptions
        span.SetSmartinstallNote(ex.Message); // leak TC1001 exceptions
        logger.LogWarning("Charger offline for order {OrderId} ({Type})", orderId, ex.GetType().Name); // clean exceptions
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Install {AppointmentId} booked for {MemberName}")]
    private static partial void LogBooked(ILogger logger, string appointmentId, string memberName);
}
