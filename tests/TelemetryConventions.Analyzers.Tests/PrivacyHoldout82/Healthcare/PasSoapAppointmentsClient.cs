namespace PrivacyHoldout82.Healthcare;

/// <summary>The detail element of the legacy PAS's SOAP faults: a return code and the PAS's own message line.</summary>
public sealed record PasFaultDetail(string ReturnCode, string MessageLine, string? Transaction);

public sealed record BookingRequest(string HospitalNumber, string ClinicCode, DateTime SlotStart, string ReferrerEmail, string? Comments);

/// <summary>
/// Books outpatient appointments in the legacy PAS through its SOAP interface (BookAppointment, operation
/// PASAPPT01). The PAS answers faults whose message line (the detail's MessageLine, and the reason of
/// its untyped faults) quotes the patient record it tried to match, for example
/// "PAT0042 NO MATCH 1234567 SMITH J 19540312".
/// </summary>
public sealed partial class PasSoapAppointmentsClient(ISoapChannel channel, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<PasSoapAppointmentsClient> logger)
{
    private const string BookAction = "http://ipm.example/pas/2009/PasAppointments/BookAppointment";
    private static readonly XNamespace Pas = "http://ipm.example/pas/2009";

    public async Task<string?> BookAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartPasbridgeTranslate("PASAPPT01");
        span.SetPasbridgeLegacySystem("ipm-pas");
        Activity.Current?.SetTag("soap.action", BookAction); // clean precision-about
        Activity.Current?.SetTag("soap.endpoint", channel.Endpoint.Host); // clean precision-about

        var envelope = new SoapEnvelope(BookAction, new XElement(Pas + "BookAppointment",
            new XElement(Pas + "HospNo", request.HospitalNumber),
            new XElement(Pas + "Clinic", request.ClinicCode),
            new XElement(Pas + "Slot", request.SlotStart.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)),
            new XElement(Pas + "Comments", request.Comments)));
        LogEnvelope(logger, envelope.ToString()); // leak TC1001 logging-objects
        LogClinicSlot(logger, request.ClinicCode, request.SlotStart); // clean precision-about

        try
        {
            var response = await channel.InvokeAsync(envelope, cancellationToken);
            var appointmentId = response.XPathSelectElement("//*[local-name()='AppointmentId']")?.Value;
            var status = (string?)response.Element(Pas + "Status");
            span.SetPasbridgeLegacyStatus(status ?? "??").SetPasbridgeOutcome("booked"); // clean precision-about
            logger.LogInformation("Booked {AppointmentId} in {Clinic} with PAS status {Status}", appointmentId, request.ClinicCode, status); // clean precision-about
            return appointmentId;
        }
        catch (FaultException<PasFaultDetail> fault)
        {
            span.SetPasbridgeLegacyStatus(fault.Detail.ReturnCode); // clean precision-about
            logger.LogWarning("PAS refused booking: {ReturnCode} {Transaction}", fault.Detail.ReturnCode, fault.Detail.Transaction); // clean precision-about
            logger.LogWarning("PAS refused booking: {Detail}", fault.Detail); // leak TC1001 logging-objects
            span.SetPasbridgeNote(fault.Detail.MessageLine); // leak TC1001 generated-api
            Activity.Current?.SetStatus(ActivityStatusCode.Error, fault.Code); // clean exceptions
            LogRefusedFor(logger, request.HospitalNumber, fault.Detail.ReturnCode); // clean precision-pseudonym
            LogReferrer(logger, request.ReferrerEmail); // leak TC1001 direct
            return null;
        }
        catch (FaultException fault)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, fault.Reason); // leak TC1001 exceptions
            throw new LegacySystemException("ipm-pas", fault.Code, fault.Reason);
        }
        catch (CommunicationException ex)
        {
            span.RecordException(ex, "PAS endpoint unreachable"); // clean exceptions
            logger.LogError("PAS {Endpoint} unreachable: {Error}", channel.Endpoint.Host, ex.GetType().Name); // clean exceptions
            Activity.Current?.SetTag(PasbridgeAttributes.PatientId, pseudonymizer.ComputePasbridgePatientId(request.HospitalNumber)); // clean precision-pseudonym
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SOAP request {Envelope}")]
    private static partial void LogEnvelope(ILogger logger, string envelope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking clinic {Clinic} at {Slot}")]
    private static partial void LogClinicSlot(ILogger logger, string clinic, DateTime slot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking refused for {HospitalNumber}: {ReturnCode}")]
    private static partial void LogRefusedFor(ILogger logger, [PrivateData] string hospitalNumber, string returnCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referrer {ReferrerEmail} will be told")]
    private static partial void LogReferrer(ILogger logger, string referrerEmail);
}
