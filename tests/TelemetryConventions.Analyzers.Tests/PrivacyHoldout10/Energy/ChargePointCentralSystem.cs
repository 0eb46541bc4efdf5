using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout10.Support;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Energy;

public sealed record DriverAccount(string AccountNumber, string Email, string RfidTag, string Tariff);

public interface IDriverDirectory
{
    DriverAccount? FindByTag(string idTag);
}

public sealed class UnknownIdTagException(string idTag) : Exception($"id tag {idTag} is not registered")
{
    public string IdTag { get; } = idTag;
}

/// <summary>OCPP 1.6 central system: authorises an RFID card and opens a transaction.</summary>
public sealed class ChargePointCentralSystem
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Energy.Ocpp");
    private static readonly Meter Meter = new("PrivacyHoldout10.Energy.Ocpp");
    private static readonly Counter<long> Starts = Meter.CreateCounter<long>("ocpp.transactions.started");

    private readonly IDriverDirectory _drivers;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<ChargePointCentralSystem> _logger;
    private int _nextTransaction;

    public ChargePointCentralSystem(IDriverDirectory drivers, Pseudonymizer pseudonymizer, ILogger<ChargePointCentralSystem> logger)
    {
        _drivers = drivers;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    public StartTransactionResponse StartTransaction(OcppCallContext context, StartTransactionRequest request)
    {
        using var activity = Source.StartActivity("ocpp.StartTransaction");
        activity?.SetTag("ocpp.charge_point", context.ChargePointId); // clean precision-names
        activity?.SetTag("ocpp.connector", request.ConnectorId); // clean precision-names
        activity?.SetTag("ocpp.message_id", context.MessageId);
        activity?.SetTag("ocpp.id_tag", request.IdTag); // leak TC1001 direct
        activity?.SetTag("ocpp.id_tag.prefix", request.IdTag[..2]); // clean precision-about

        DriverAccount driver;
        try
        {
            driver = _drivers.FindByTag(request.IdTag) ?? throw new UnknownIdTagException(request.IdTag);
        }
        catch (UnknownIdTagException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            _logger.LogWarning("Rejected tag {IdTag} at {ChargePoint}", ex.IdTag, context.ChargePointId); // leak TC1001 exceptions
            return new StartTransactionResponse(new IdTagInfo("Invalid", null, null), 0);
        }

        var transactionId = Interlocked.Increment(ref _nextTransaction);
        var driverRef = _pseudonymizer.Pseudonymize("driver", driver.AccountNumber);
        using var session = Source.StartSessionEdge(driverRef); // clean generated-api
        session.SetSessionSite(context.ChargePointId); // clean generated-api
        session.SetSessionReason($"tariff {driver.Tariff}"); // clean generated-api
        activity?.SetTag("ocpp.transaction", transactionId);
        activity?.SetTag("ocpp.driver.tariff", driver.Tariff); // clean precision-names
        Starts.Add(1, new KeyValuePair<string, object?>("ocpp.tariff", driver.Tariff)); // clean precision-names
        Starts.Add(1, new KeyValuePair<string, object?>("ocpp.account", driver.AccountNumber)); // leak TC1003 direct
        _logger.LogInformation("Transaction {TransactionId} for {Driver}", transactionId, driverRef); // clean precision-pseudonym
        _logger.LogInformation("Receipt will go to {Email}", driver.Email); // leak TC1001 direct
        return new StartTransactionResponse(new IdTagInfo("Accepted", DateTimeOffset.UtcNow.AddDays(1), null), transactionId);
    }

    public void StopTransaction(StopTransactionRequest request)
    {
        using var activity = Source.StartActivity("ocpp.StopTransaction");
        activity?.SetTag("ocpp.transaction", request.TransactionId);
        activity?.SetTag("ocpp.stop.reason", request.Reason); // clean precision-names
        activity?.SetTag("ocpp.energy.wh", request.MeterStop);
        activity?.SetTag("ocpp.tag.present", request.IdTag is not null); // clean precision-about
        activity?.SetTag("ocpp.tag.hash", request.IdTag?.GetHashCode()); // leak TC1002 hashes
        var tagDigest = Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(request.IdTag ?? string.Empty)))[..8];
        activity?.SetTag("ocpp.tag.digest", tagDigest); // leak TC1002 hashes
    }
}

/// <summary>A home energy hub pushes its meter serial and readings on <c>homes/{meterSerial}/power</c>.</summary>
public sealed class HomeHubReadingConsumer(ILogger<HomeHubReadingConsumer> logger, TelemetrySecrets secrets) : IMqttMessageHandler
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Energy.HomeHub");

    public Task HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var meterSerial = message.Topic.Split('/')[1];
        var payload = message.PayloadSegment.Array!;
        var watts = BitConverter.ToInt32(payload, message.PayloadSegment.Offset);
        var hubFirmware = Encoding.ASCII.GetString(payload, message.PayloadSegment.Offset + 4, 8).TrimEnd('\0');

        using var activity = Source.StartActivity("homehub.reading");
        activity?.SetTag("homehub.watts", watts);
        activity?.SetTag("homehub.firmware", hubFirmware); // clean precision-names
        activity?.SetTag("mqtt.topic", message.Topic); // leak TC1001 strings
        activity?.SetTag("homehub.meter", meterSerial); // leak TC1001 direct

        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var meterKey = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(meterSerial)));
        activity?.SetTag("homehub.meter.key", meterKey); // clean hashes
        logger.LogInformation("Reading from {Topic}: {Watts} W", message.Topic, watts); // leak TC1001 strings
        return Task.CompletedTask;
    }
}
