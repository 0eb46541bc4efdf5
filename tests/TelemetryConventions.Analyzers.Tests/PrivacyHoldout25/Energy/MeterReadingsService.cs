using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;
using static Google.Rpc.BadRequest.Types;
using Status = Google.Rpc.Status;

namespace PrivacyHoldout25.Energy;

public static class Mpan
{
    /// <summary>The MPAN core's check digit (the last of its 13 digits).</summary>
    public static bool HasValidCheckDigit(string mpan)
    {
        if (mpan.Length != 13 || !mpan.All(char.IsAsciiDigit))
        {
            return false;
        }
        int[] primes = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43];
        var sum = primes.Select((p, i) => p * (mpan[i] - '0')).Sum();
        return sum % 11 % 10 == mpan[12] - '0';
    }
}

public interface ITariffCatalogue
{
    bool Exists(string tariffCode);
}

public interface IMeterCommandQueue
{
    bool TryDequeue(string meterSerial, out MeterCommand command);
}

/// <summary>
/// The supplier's meter data service. Settlement agents upload readings in client streams; each household's home
/// hub keeps a <c>MeterSession</c> open from the home's broadband connection; the customer app switches tariffs.
/// </summary>
public sealed class MeterReadingsService(
    ITariffCatalogue tariffs,
    IMeterCommandQueue commands,
    ILogger<MeterReadingsService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : MeterReadings.MeterReadingsBase
{
    private static readonly ActivitySource Source = new("Grid.MeterReadings");

    private readonly Counter<long> _readings = meter.CreateCounter<long>("energy.readings.received", "{reading}");
    private readonly Histogram<int> _signal = meter.CreateHistogram<int>("energy.hub.signal_strength", "dBm");
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pendingCommands = new();

    public override async Task<UploadSummary> UploadReadings(IAsyncStreamReader<MeterReading> requestStream, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        var accepted = 0;
        await foreach (var reading in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (reading.Value is null)
            {
                violations.Add(new FieldViolation { Field = "value", Description = $"register {reading.RegisterId} sent no value" });
                continue;
            }

            if (!Mpan.HasValidCheckDigit(reading.Mpan))
            {
                violations.Add(new FieldViolation { Field = "mpan", Description = $"MPAN {reading.Mpan} fails its check digit" });
                continue;
            }

            _readings.Add(1, new TagList { { "energy.register", reading.RegisterId }, { "energy.reading.source", reading.Source.ToString() } }); // clean direct
            meter.CreateGrpcStreamMessagesCounter().Add(1, "meter-readings", grpcStreamChannel: reading.MeterSerial); // leak TC1003 generated-api
            accepted++;
        }

        if (violations.Count == 0)
        {
            return new UploadSummary { Accepted = accepted };
        }

        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(violations);
        logger.LogWarning("Rejected {Count} readings: {Violations}", violations.Count, badRequest); // leak TC1001 logging-objects
        logger.LogWarning("Rejected fields: {Fields}", string.Join(",", violations.Select(v => v.Field).Distinct())); // clean precision-names
        var status = new Status { Code = (int)StatusCode.InvalidArgument, Message = $"{violations.Count} of {violations.Count + accepted} readings rejected" };
        status.Details.Add(Any.Pack(badRequest));
        throw status.ToRpcException(); // clean exceptions
    }

    public override async Task MeterSession(IAsyncStreamReader<MeterEvent> requestStream, IServerStreamWriter<MeterCommand> responseStream, ServerCallContext context)
    {
        using var session = Source.StartGrpcStreamSession("home-hub");
        Activity.Current?.SetTag("energy.hub.peer", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("energy.hub.peer_family", context.Peer.Split(':')[0]); // clean precision-about
        string? serial = null;
        var messages = 0;
        await foreach (var evt in requestStream.ReadAllAsync(context.CancellationToken))
        {
            messages++;
            serial ??= evt.MeterSerial;
            switch (evt.PayloadCase)
            {
                case MeterEvent.PayloadOneofCase.SignalStrength:
                    _signal.Record(evt.SignalStrength, new KeyValuePair<string, object?>("energy.meter.model", evt.MeterSerial[..3])); // clean precision-about
                    break;
                case MeterEvent.PayloadOneofCase.TamperCode:
                    logger.LogError("Tamper {Code} reported by meter {MeterSerial}", evt.TamperCode, evt.MeterSerial); // leak TC1001 direct
                    session.AddGrpcStreamMessageDroppedEvent("home-hub", $"tamper {evt.TamperCode} on firmware {evt.Firmware}"); // clean generated-api
                    break;
                case MeterEvent.PayloadOneofCase.CommandAck:
                    _pendingCommands.TryRemove(evt.CommandAck, out _);
                    logger.LogDebug("Command {CommandId} acknowledged", evt.CommandAck); // clean direct
                    break;
            }

            if (commands.TryDequeue(serial, out var command))
            {
                _pendingCommands[command.CommandId] = DateTimeOffset.UtcNow;
                await responseStream.WriteAsync(command);
            }
        }

        if (serial is not null)
        {
            session.SetGrpcStreamParticipantId(pseudonymizer.PseudonymizeGrpcStreamParticipantId(serial)); // clean precision-pseudonym
            session.SetGrpcStreamChannel($"homes/{serial}/commands"); // leak TC1001 strings
            _readings.Add(0, new KeyValuePair<string, object?>("energy.meter.ref", pseudonymizer.ComputeGrpcStreamParticipantId(serial))); // leak TC1003 precision-pseudonym
        }

        session.SetGrpcStreamMessages(messages);
    }

    public override Task<Empty> SwitchTariff(TariffSwitchRequest request, ServerCallContext context)
    {
        Activity.Current?.SetTag("energy.account", request.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("energy.mpan.distributor", request.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("energy.account.shard", HashCode.Combine(request.AccountNumber) & 0xF); // leak TC1002 hashes

        if (!tariffs.Exists(request.TariffCode))
        {
            var info = new ErrorInfo { Reason = "TARIFF_UNKNOWN", Domain = "meters.grid.example" };
            info.Metadata.Add("tariff_code", request.TariffCode);
            info.Metadata.Add("account_number", request.AccountNumber);
            logger.LogInformation("Tariff switch refused: {Reason} {ErrorMetadata}", info.Reason, info.Metadata); // leak TC1001 logging-objects
            logger.LogInformation("Tariff switch refused: {Reason} for tariff {Tariff}", info.Reason, info.Metadata["tariff_code"]); // clean direct
            var status = new Status { Code = (int)StatusCode.FailedPrecondition, Message = $"Tariff {request.TariffCode} is not offered" };
            status.Details.Add(Any.Pack(info));
            throw status.ToRpcException(); // clean exceptions
        }

        return Task.FromResult(new Empty());
    }
}
