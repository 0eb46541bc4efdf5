using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Energy;

public sealed record ReadingBatch(Guid BatchId, string DataCollectorId, IReadOnlyList<MeterReading> Readings);

/// <summary>The data collector's side: streams a batch of readings to <see cref="MeterReadingsService"/>.</summary>
public sealed class SettlementUploader(MeterReadings.MeterReadingsClient client, ILogger<SettlementUploader> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Grid.Settlement");

    public async Task<int> UploadAsync(ReadingBatch batch, CancellationToken cancellationToken)
    {
        using var span = Source.StartGrpcCallHandle("/grid.MeterReadings/UploadReadings", "settlement.upload");
        var headers = new Metadata { { "x-data-collector", batch.DataCollectorId }, { "x-batch-id", batch.BatchId.ToString() } };
        logger.LogInformation("Uploading batch {BatchId} for collector {Collector}: {Headers}", batch.BatchId, batch.DataCollectorId, headers); // clean logging-objects

        using var call = client.UploadReadings(headers, DateTime.UtcNow.AddMinutes(2), cancellationToken);
        foreach (var reading in batch.Readings)
        {
            await call.RequestStream.WriteAsync(reading);
        }
        await call.RequestStream.CompleteAsync();

        try
        {
            var summary = await call.ResponseAsync;
            logger.LogInformation("Batch {BatchId}: {Accepted} accepted", batch.BatchId, summary.Accepted); // clean precision-about
            return summary.Accepted;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            span.SetGrpcCallStatus(ex.StatusCode.ToString());
            logger.LogWarning(ex, "Batch {BatchId} partly rejected", batch.BatchId); // clean exceptions
            var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
            foreach (var violation in badRequest?.FieldViolations ?? [])
            {
                logger.LogWarning("Reading rejected at {Field}: {Description}", violation.Field, violation.Description); // leak TC1001 exceptions
            }

            var firstSerial = batch.Readings.FirstOrDefault()?.MeterSerial;
            if (firstSerial is not null)
            {
                span.SetGrpcCallSubjectId(pseudonymizer.PseudonymizeGrpcCallSubjectId(firstSerial)); // clean precision-pseudonym
                span.SetGrpcCallNote($"batch starting at meter {firstSerial} rejected"); // leak TC1001 generated-api
            }

            return 0;
        }
    }

    public async Task<bool> SwitchTariffAsync(MeterReadings.MeterReadingsClient tariffClient, string accountNumber, string mpan, string tariffCode, CancellationToken cancellationToken)
    {
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(4), cancellationToken: cancellationToken);
        try
        {
            using var call = tariffClient.SwitchTariffAsync(new TariffSwitchRequest { AccountNumber = accountNumber, Mpan = mpan, TariffCode = tariffCode }, options);
            await call.ResponseAsync;
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            var info = ex.GetRpcStatus()?.GetDetail<ErrorInfo>();
            logger.LogWarning("Tariff switch refused ({Reason}): {Detail}", info?.Reason, ex.Status.Detail); // clean exceptions
            logger.LogDebug("Refusal metadata: {ErrorMetadata}", info?.Metadata); // leak TC1001 exceptions
            return false;
        }
    }
}
