using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout21.Support.Ocpp;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Energy;

public interface IAuthorisationList
{
    Task<string> StatusAsync(string idToken, CancellationToken cancellationToken);
}

public sealed class UnsupportedActionException(string action) : Exception($"Action {action} is not supported by this central system")
{
    public string Action { get; } = action;
}

/// <summary>OCPP 2.0.1 central system of the public charging network, with ISO 15118 Plug &amp; Charge.</summary>
public sealed partial class ChargingCentralSystem(IAuthorisationList authorisations, Pseudonymizer pseudonymizer, Meter meter, ILogger<ChargingCentralSystem> logger)
{
    private const int MaxIdTokenLength = 36;
    private static readonly ActivitySource Source = new("Charging.Csms");

    public async Task<object> DispatchAsync(string stationId, string action, JsonElement payload, CancellationToken cancellationToken)
    {
        try
        {
            return action switch
            {
                "Authorize" => await AuthorizeAsync(stationId, payload.Deserialize<AuthorizeRequest>()!, cancellationToken),
                "TransactionEvent" => OnTransactionEvent(stationId, payload.Deserialize<TransactionEventRequest>()!),
                "BootNotification" => OnBootNotification(payload.Deserialize<BootNotificationRequest>()!),
                _ => throw new UnsupportedActionException(action),
            };
        }
        catch (UnsupportedActionException ex)
        {
            logger.LogWarning(ex, "CALLERROR NotImplemented to {StationId}", stationId); // clean exceptions
            return new OcppCallError("NotImplemented", ex.Message);
        }
        catch (OcppCallError ex)
        {
            logger.LogWarning("CALLERROR {ErrorCode} to {StationId}: {Description}", ex.ErrorCode, stationId, ex.Message); // leak TC1001 exceptions
            return ex;
        }
    }

    public async Task<AuthorizeResponse> AuthorizeAsync(string stationId, AuthorizeRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var token = request.IdToken.Value;
        activity?.SetTag("ocpp.station.id", stationId);
        activity?.SetTag("ocpp.id_token.type", request.IdToken.Type); // clean precision-names
        if (token.Length > MaxIdTokenLength)
        {
            throw new OcppCallError("FormationViolation", $"idToken {token} is longer than {MaxIdTokenLength} characters");
        }

        if (request.IdToken.Type == "eMAID")
        {
            activity?.SetTag("iso15118.emaid", token); // leak TC1001 direct
            activity?.SetTag("iso15118.emaid.provider", token[..6]); // clean precision-about
        }
        else
        {
            activity?.SetTag("ocpp.id_token.prefix", token[..2]); // clean precision-about
        }

        var status = await authorisations.StatusAsync(token, cancellationToken);
        activity?.SetTag("ocpp.id_token.status", status); // clean precision-about
        activity?.SetTag("ocpp.id_token.bucket", (token.GetHashCode() & 0x7fffffff) % 32); // leak TC1002 hashes
        if (status == "Blocked")
        {
            LogBlocked(logger, token, stationId); // leak TC1001 logging-objects
        }

        return new AuthorizeResponse(new IdTokenInfo(status));
    }

    public void OnSessionSetup(string stationId, SessionSetupReq request)
    {
        Activity.Current?.SetTag("iso15118.session_id", request.SessionId);
        logger.LogInformation("ISO 15118 session {SessionId} at {StationId} from EVCC {EvccId}", request.SessionId, stationId, request.EvccId); // leak TC1001 direct
    }

    private object OnTransactionEvent(string stationId, TransactionEventRequest request)
    {
        using var span = Source.StartInterchangeMessage("ocpp2.0.1", "TransactionEvent");
        span.SetInterchangeControlRef(request.TransactionInfo.TransactionId);
        if (request.IdToken is { } idToken)
        {
            span.SetInterchangeSubjectId(pseudonymizer.PseudonymizeInterchangeSubjectId(idToken.Value)); // clean precision-pseudonym
            Baggage.SetBaggage("charging.driver", pseudonymizer.ComputeInterchangeSubjectId(idToken.Value)); // clean precision-pseudonym
        }

        var energy = request.MeterValue?.SelectMany(m => m.SampledValue).Where(s => s.Measurand == "Energy.Active.Import.Register").Select(s => s.Value).DefaultIfEmpty().Max() ?? 0m;
        Activity.Current?.SetTag("ocpp.energy.wh", energy);
        if (request.EventType == "Ended")
        {
            logger.LogInformation("Transaction {TransactionId} at {StationId} ended ({StoppedReason}) for {IdToken}", request.TransactionInfo.TransactionId, stationId, request.TransactionInfo.StoppedReason, request.IdToken); // leak TC1001 logging-objects
        }

        meter.CreateInterchangeMessagesCounter().Add(1, "ocpp2.0.1", "TransactionEvent", interchangeOutcome: request.IdToken?.Type ?? "none"); // clean generated-api
        return new { };
    }

    private object OnBootNotification(BootNotificationRequest request)
    {
        logger.LogInformation("Boot of {@Station} ({Reason})", request.ChargingStation, request.Reason); // clean logging-objects
        return new { status = "Accepted", interval = 300 };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blocked id token {IdToken} presented at {StationId}")]
    private static partial void LogBlocked(ILogger logger, string idToken, string stationId);
}
