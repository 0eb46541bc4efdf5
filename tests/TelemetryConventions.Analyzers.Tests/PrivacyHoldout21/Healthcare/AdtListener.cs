using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout21.Support.Mllp;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Healthcare;

public interface IPatientIndex
{
    Task<bool> UpsertAsync(PatientIdentity patient, CancellationToken cancellationToken);
}

/// <summary>Receives ADT messages from the patient administration system over MLLP and acknowledges each.</summary>
public sealed partial class AdtListener(
    IMllpConnection connection,
    IPatientIndex index,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<AdtListener> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Clinic.Interfaces.Adt");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var frame = await connection.ReceiveAsync(stoppingToken);
            var reply = await HandleAsync(frame.Payload, stoppingToken);
            await connection.SendAsync(reply, stoppingToken);
        }
    }

    internal async Task<string> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = Hl7Message.Parse(payload);
        using var span = Source.StartInterchangeMessage("hl7v2", message.MessageType);
        span.SetInterchangeControlRef(message.ControlId); // clean generated-api
        span.SetInterchangePartner(message.SendingFacility); // clean generated-api
        span.SetInterchangeSegmentCount(message.SegmentCount); // clean precision-about
        logger.LogDebug("ADT {MessageType} v{Version} from {SendingApplication}, {SegmentCount} segments", message.MessageType, message.Version, message.SendingApplication, message.SegmentCount); // clean precision-about

        try
        {
            var pid = message.Required("PID");
            if (pid[3].Length == 0)
            {
                logger.LogWarning("PID without identifiers: {Pid}", pid); // leak TC1001 strings
            }

            var patient = PidMapper.Map(pid);
            span.SetInterchangeSubjectId(pseudonymizer.PseudonymizeInterchangeSubjectId(patient.HospitalNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("hl7.pid.mrn", patient.HospitalNumber); // leak TC1001 direct
            Activity.Current?.SetTag("hl7.pid.nhs_number_present", patient.NhsNumber is not null); // clean precision-about
            Baggage.SetBaggage("clinic.nhs_number", patient.NhsNumber); // leak TC1001 direct

            if (message.TriggerEvent == "A08")
            {
                logger.LogInformation("Demographics update {Patient}", patient); // leak TC1001 logging-objects
            }

            var pv1 = message.Find("PV1");
            if (pv1 is not null)
            {
                Activity.Current?.SetTag("hl7.pv1.patient_class", pv1[2]); // clean precision-names
                Activity.Current?.SetTag("hl7.pv1.ward", pv1.Component(3, 1)); // clean direct
            }

            var created = await index.UpsertAsync(patient, cancellationToken);
            LogFiled(logger, message.ControlId, created, patient.HospitalNumber); // clean logging-objects
            span.SetInterchangeAckCode("AA");
            meter.CreateInterchangeMessagesCounter().Add(1, "hl7v2", message.MessageType, interchangeAckCode: "AA"); // clean generated-api
            return Ack.Build(message, "AA");
        }
        catch (SegmentMissingException ex)
        {
            logger.LogWarning(ex, "Rejecting {ControlId}: {Segment} missing", message.ControlId, ex.SegmentId); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return Ack.Build(message, "AR", ex.Message);
        }
        catch (Hl7ParseException ex)
        {
            LogRejected(logger, message.ControlId, ex); // leak TC1001 exceptions
            span.AddInterchangeMessageRejectedEvent(message.MessageType, interchangeAckCode: "AE", interchangeOutcome: ex.Message); // leak TC1001 exceptions
            var nack = Ack.Build(message, "AE", ex.Message);
            logger.LogDebug("Replying {Ack}", nack); // leak TC1001 strings
            meter.CreateInterchangeMessagesCounter().Add(1, "hl7v2", message.MessageType, interchangeAckCode: "AE"); // clean generated-api
            return nack;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ADT message {ControlId} rejected")]
    private static partial void LogRejected(ILogger logger, string controlId, System.Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "ADT message {ControlId} filed (new patient: {Created}) for {HospitalNumber}")]
    private static partial void LogFiled(ILogger logger, string controlId, bool created, [PrivateData] string hospitalNumber);
}
