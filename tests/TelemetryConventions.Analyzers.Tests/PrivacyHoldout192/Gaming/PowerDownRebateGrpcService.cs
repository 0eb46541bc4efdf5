namespace PrivacyHoldout192.Gaming;

public sealed record ClaimRebateRequest(Guid PlayerId, string Gamertag, string Email, string ThermostatSerial, string Postcode, string IncomeBand);

public sealed record ClaimRebateReply(string RebateId, string Status);

/// <summary>
/// A publisher's Power Down campaign over gRPC: players claim a smart thermostat rebate and an insulation voucher
/// (means-tested on household income), paid through the rebate processor.
/// </summary>
public sealed partial class PowerDownRebateGrpcService(
    IRebatePayments payments,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PowerDownRebateGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Publisher.PowerDown");
    private static readonly Meter Meter = new("Publisher.PowerDown");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("powerdown.claims");
    private static readonly UpDownCounter<long> Pending = Meter.CreateUpDownCounter<long>("powerdown.claims.pending");

    private readonly Dictionary<string, string> _serialByRebate = new();
    private string _lastGamertag = string.Empty;

    public async Task<ClaimRebateReply> ClaimRebate(ClaimRebateRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var player = pseudonymizer.PseudonymizePowerplayClientId(request.PlayerId.ToString());
        using var span = Source.StartPowerplayOperation("power-down-2026", "powerdown.claim")
            .SetPowerplayClientId(player) // clean generated-api
            .SetPowerplayMeasure("smart-thermostat"); // clean generated-api
        span.SetPowerplayNote($"gamertag {request.Gamertag}"); // leak TC1001 generated-api
        span.SetPowerplayNote($"claim via {context.Method}, band {request.IncomeBand}"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("powerdown.player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("powerdown.player", player); // clean precision-pseudonym
        activity?.SetTag("powerdown.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("powerdown.thermostat.serial", request.ThermostatSerial); // leak TC1001 direct
        activity?.SetTag("powerdown.thermostat.vendor", request.ThermostatSerial[..3]); // clean precision-about
        activity?.SetTag("powerdown.income_band", request.IncomeBand); // clean precision-about
        activity?.SetTag("powerdown.grpc.method", context.Method); // clean precision-names
        activity?.SetTag("powerdown.grpc.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("powerdown.player_count", _serialByRebate.Count); // clean precision-names
        activity?.SetTag(PowerplayAttributes.Contact, request.Email); // leak TC1001 direct
        _lastGamertag = request.Gamertag;

        var gamertagShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.Gamertag))[0] % 8;
        activity?.SetTag("powerdown.shard", gamertagShard); // clean hashes
        activity?.SetTag("powerdown.player.hash", request.PlayerId.GetHashCode()); // leak TC1002 hashes
        activity?.SetTag("powerdown.serial.sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ThermostatSerial)))); // leak TC1002 hashes

        Pending.Add(1, new KeyValuePair<string, object?>("powerdown.platform", "console")); // clean precision-names
        var rebate = new ThermostatRebate(Guid.NewGuid().ToString("N"), request.PlayerId, request.Gamertag, request.Email, request.ThermostatSerial, 50m, "console");
        _serialByRebate[rebate.RebateId] = request.ThermostatSerial;
        try
        {
            var paymentRef = await payments.PayAsync(request.Email, rebate.Amount, context.CancellationToken);
            activity?.SetTag("powerdown.payment.ref", paymentRef); // clean precision-names
            activity?.SetTag("powerdown.rebate.id", rebate.RebateId); // clean precision-names
            logger.LogInformation("Rebate paid {Rebate}", rebate); // leak TC1001 logging-objects
            logger.LogInformation("Rebate paid {@Rebate}", new { rebate.RebateId, rebate.Amount, rebate.Platform }); // clean logging-objects
            logger.LogInformation("Rebate paid {@Rebate}", new { rebate.RebateId, rebate.Gamertag }); // leak TC1001 logging-objects
            LogPaid(logger, request.Email, rebate.Amount); // clean logging-objects
            Claims.Add(1, new KeyValuePair<string, object?>("powerdown.outcome", "paid")); // clean precision-names
            Claims.Add(1, new KeyValuePair<string, object?>("powerdown.gamertag", request.Gamertag)); // leak TC1003 direct
        }
        catch (RebateDeclinedException ex)
        {
            span.RecordException(ex).SetStatus(ActivityStatusCode.Error, "rebate declined"); // clean exceptions
            logger.LogWarning(ex, "Rebate {RebateId} declined", rebate.RebateId); // leak TC1001 exceptions
            var rpc = new RpcException("FailedPrecondition", $"rebate declined for player {request.PlayerId}");
            activity?.SetStatus(ActivityStatusCode.Error, rpc.Message); // leak TC1001 exceptions
            activity?.SetTag("rpc.status", rpc.Status); // clean exceptions
            throw rpc;
        }
        catch (InstallerUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        finally
        {
            Pending.Add(-1, new KeyValuePair<string, object?>("powerdown.platform", "console")); // clean precision-names
        }

        Meter.CreatePowerplayOperationsCounter().Add(1, "power-down-2026", "paid"); // clean generated-api
        Meter.CreatePowerplayOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "power-down-2026"); // clean generated-api
        return new ClaimRebateReply(rebate.RebateId, "paid");
    }

    public CampaignStanding Standing(string campaignId, ServerCallContext context)
    {
        using var activity = Source.StartActivity("powerdown.standing");
        var standing = new CampaignStanding(campaignId, _serialByRebate.Count, _serialByRebate.Count, _serialByRebate.Count * 50m);
        activity?.SetTag("powerdown.campaign", campaignId); // clean precision-names
        activity?.SetTag("powerdown.last_gamertag", _lastGamertag); // leak TC1001 cross-member
        activity?.SetTag("powerdown.serials", string.Join(";", _serialByRebate.Values)); // leak TC1001 cross-member
        activity?.SetTag("powerdown.rebates", _serialByRebate.Keys.Count); // clean precision-about
        logger.LogInformation("Standing {@Standing}", standing); // clean logging-objects
        return standing;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Paid {Email} {Amount}")]
    private static partial void LogPaid(ILogger logger, [PrivateData] string email, decimal amount);
}
