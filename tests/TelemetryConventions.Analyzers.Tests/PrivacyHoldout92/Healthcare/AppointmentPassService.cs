namespace PrivacyHoldout92.Healthcare;

/// <summary>An appointment a patient adds to their phone's wallet from the hospital's app.</summary>
public sealed record AppointmentForPass(string AppointmentRef, string Clinic, string Location, DateTimeOffset Due, string HospitalNumber, string PatientName);

/// <summary>
/// Issues appointment passes (Apple-style pass.json, serial number = the appointment's reference, barcode =
/// the reference the kiosks read) and serves the pass web service that devices register with for updates.
/// </summary>
public sealed class AppointmentPassService(IPassPackager packager, IPassPush push, TicketingOptions options, Pseudonymizer pseudonymizer, ILogger<AppointmentPassService> logger)
{
    private static readonly ActivitySource Source = new("Hospital.AppointmentPasses");
    private readonly ConcurrentDictionary<string, List<PassRegistration>> _registrations = new();
    private string? _lastIssuedFor;
    private string? _lastIssuedRef;

    public byte[] Issue(AppointmentForPass appointment)
    {
        using var activity = Source.StartActivity("appointment_pass.issue");
        var pass = new WalletPass
        {
            PassTypeIdentifier = options.PassTypeIdentifier,
            SerialNumber = appointment.AppointmentRef,
            AuthenticationToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            WebServiceUrl = options.WebServiceUrl,
            OrganizationName = "City Hospitals",
            Description = "Outpatient appointment",
            RelevantDate = appointment.Due,
        };
        pass.Barcodes.Add(new PassBarcode { Format = BarcodeFormat.QR, Message = appointment.AppointmentRef, AltText = appointment.AppointmentRef });
        pass.PrimaryFields.Add(new PassField("clinic", "Clinic", appointment.Clinic));
        pass.SecondaryFields.Add(new PassField("patient", "Patient", appointment.PatientName));
        pass.AuxiliaryFields.Add(new PassField("where", "Where", appointment.Location));
        _lastIssuedFor = appointment.HospitalNumber;
        _lastIssuedRef = appointment.AppointmentRef;

        activity?.SetTag("pass.serial", pass.SerialNumber); // clean precision-names
        activity?.SetTag("pass.type", pass.PassTypeIdentifier);
        activity?.SetTag("pass.barcode.format", pass.Barcodes[0].Format.ToString()); // clean precision-names
        activity?.SetTag("pass.url", $"{options.WebServiceUrl}/passes/{pass.PassTypeIdentifier}/{pass.SerialNumber}"); // clean strings
        logger.LogInformation("Pass fields {Fields}", string.Join(", ", pass.SecondaryFields.Select(f => $"{f.Label}={f.Value}"))); // leak TC1001 strings
        logger.LogDebug("Pass auth token {Token}", pass.AuthenticationToken); // leak TC1001 direct
        logger.LogDebug("Pass auth token has {Length} characters", pass.AuthenticationToken.Length); // clean precision-about
        logger.LogInformation("Packaging {Pass}", pass); // clean logging-objects
        activity?.SetTag(CheckinAttributes.PatientId, pseudonymizer.ComputeCheckinPatientId(appointment.HospitalNumber)); // clean precision-pseudonym
        return packager.Package(pass);
    }

    public void LogLastIssue()
    {
        logger.LogDebug("Last appointment pass issued for {AppointmentRef}", _lastIssuedRef); // clean cross-member
        logger.LogDebug("Last appointment pass issued for {HospitalNumber}", _lastIssuedFor); // leak TC1001 cross-member
    }

    /// <summary>POST /v1/devices/{deviceLibraryIdentifier}/registrations/{passTypeIdentifier}/{serialNumber}</summary>
    public int Register(string deviceLibraryIdentifier, string passTypeIdentifier, string serialNumber, string pushToken)
    {
        var registration = new PassRegistration(deviceLibraryIdentifier, pushToken, passTypeIdentifier, serialNumber);
        _registrations.AddOrUpdate(serialNumber, _ => new() { registration }, (_, list) => { list.Add(registration); return list; });
        Activity.Current?.SetTag("pass.device", deviceLibraryIdentifier); // leak TC1001 direct
        Activity.Current?.SetTag("pass.serial", serialNumber); // clean precision-names
        logger.LogInformation("Device registered {Registration}", registration); // leak TC1001 logging-objects
        logger.LogInformation("Pass {Serial} now has {Devices} devices", serialNumber, _registrations[serialNumber].Count); // clean precision-about
        return 201;
    }

    /// <summary>Tells every registered device that the appointment moved.</summary>
    public async Task RescheduledAsync(string appointmentRef, CancellationToken cancellationToken)
    {
        if (!_registrations.TryGetValue(appointmentRef, out var devices))
        {
            return;
        }
        foreach (var device in devices)
        {
            try
            {
                await push.NotifyAsync(device.PushToken, cancellationToken);
            }
            catch (WalletApiException ex)
            {
                logger.LogWarning(ex, "Push for {Serial} failed with {Status}", appointmentRef, ex.Status); // clean exceptions
                logger.LogWarning("Push token {PushToken} rejected", device.PushToken); // leak TC1001 direct
            }
        }
    }
}
