using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyHoldout.Energy;

public sealed record StartChargingRequest(string ChargerId, int ConnectorId, string RfidUid, string? Vin, string? DriverAccountId);

public sealed record StartChargingReply(string SessionId, bool Authorised, string? Reason);

public sealed record DriverAccount(string AccountId, string Email, string Plan, bool HomeCharger);

public interface IDriverAccounts
{
    DriverAccount? ByRfid(string rfidUid);
}

public sealed class UnknownTokenException(string rfidUid) : Exception("RFID token not recognised: " + rfidUid);

/// <summary>The charge point management system's gRPC endpoint for starting a session.</summary>
public sealed partial class ChargingSessionService(IDriverAccounts drivers, Meter meter, ILogger<ChargingSessionService> logger)
{
    private static readonly ActivitySource Source = new("Grid.Charging");
    private readonly Counter<int> _sessions = meter.CreateCounter<int>("grid.charging.sessions");

    public Task<StartChargingReply> StartSession(StartChargingRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("grid.charging.start", ActivityKind.Server);
        activity?.SetTag("grid.charger.id", request.ChargerId); // clean precision-names
        activity?.SetTag("grid.charger.connector_id", request.ConnectorId);
        activity?.SetTag("grid.charging.rfid", request.RfidUid); // leak TC1001 direct
        activity?.SetTag("grid.charging.vehicle", request.Vin ?? "unknown"); // leak TC1001 direct
        activity?.SetTag("grid.charging.vin_known", request.Vin is not null); // clean precision-about

        try
        {
            var driver = drivers.ByRfid(request.RfidUid) ?? throw new UnknownTokenException(request.RfidUid);
            activity?.SetTag("grid.driver.plan", driver.Plan);
            activity?.SetTag("grid.driver.home_charger", driver.HomeCharger); // clean precision-about
            activity?.SetTag("grid.driver.account", driver.AccountId); // leak TC1001 cross-member
            _sessions.Add(1, new KeyValuePair<string, object?>("grid.driver.plan", driver.Plan));
            _sessions.Add(1, new KeyValuePair<string, object?>("grid.driver.account", driver.AccountId)); // leak TC1003 cross-member
            SessionAuthorised(logger, request.ChargerId, driver.Email); // leak TC1001 cross-member
            var sessionId = Guid.NewGuid().ToString("N");
            activity?.SetTag("grid.charging.session_id", sessionId); // clean precision-names
            return Task.FromResult(new StartChargingReply(sessionId, true, null));
        }
        catch (UnknownTokenException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning(ex, "Charging refused at {ChargerId}", request.ChargerId); // leak TC1001 exceptions
            var tokenHash = Convert.ToHexString(SHA512.HashData(Encoding.ASCII.GetBytes(request.RfidUid)))[..16];
            logger.LogWarning("Unknown token {TokenHash} at {ChargerId}", tokenHash, request.ChargerId); // leak TC1002 hashes
            return Task.FromResult(new StartChargingReply(string.Empty, false, "unknown token"));
        }
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "Session authorised on {ChargerId} for {DriverEmail}")]
    private static partial void SessionAuthorised(ILogger logger, string chargerId, string driverEmail);
}
