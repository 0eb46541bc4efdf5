using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Healthcare;

public sealed record LabResult(string OrderId, string NhsNumber, string TestCode, decimal Value, string Units, LabFlag Flag);

public enum LabFlag
{
    Normal,
    Abnormal,
    Critical,
}

public interface IWardDirectory
{
    ValueTask<string?> CurrentWardOfAsync(string nhsNumber, CancellationToken cancellationToken);
}

public sealed class LabResultRejectedException(string message) : Exception(message);

public static class NhsNumbers
{
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        if (number.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (number[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check != 10 && (check == 11 ? 0 : check) == number[9] - '0';
    }
}

public sealed class LabResultsConsumer(
    IQueueReceiver<LabResult> receiver,
    IWardDirectory wards,
    ILogger<LabResultsConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Clinic.Lab");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await receiver.ReceiveAsync(stoppingToken) is not { } result)
            {
                continue;
            }

            using var activity = Source.StartActivity("lab.result", ActivityKind.Consumer);
            activity?.SetTag("lab.order.id", result.OrderId);
            activity?.SetTag("lab.test.code", result.TestCode);

            try
            {
                await FileAsync(result, activity, stoppingToken);
            }
            catch (LabResultRejectedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogError(ex, "Lab result {OrderId} rejected", result.OrderId); // leak TC1001 exceptions
            }
            catch (TimeoutException ex)
            {
                logger.LogWarning(ex, "Ward directory timed out for order {OrderId}", result.OrderId); // clean exceptions
            }
        }
    }

    private async Task FileAsync(LabResult result, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("lab.nhs_number.valid", NhsNumbers.IsValid(result.NhsNumber)); // clean precision-about

        var ward = await wards.CurrentWardOfAsync(result.NhsNumber, cancellationToken)
            ?? throw new LabResultRejectedException($"No current admission for NHS number {result.NhsNumber}");
        activity?.SetTag(ClinicAttributes.Ward, ward); // clean precision-about

        // Lets the on-call dashboard group results of one patient without the number itself, or so the team thought.
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(result.NhsNumber), digest);
        activity?.SetTag("lab.subject", Convert.ToHexString(digest[..8])); // leak TC1002 hashes

        var partition = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(result.NhsNumber))[0] % 16;
        activity?.SetTag("lab.partition", partition); // clean hashes

        activity?.SetTag(ClinicAttributes.PatientId, pseudonymizer.ComputeClinicPatientId(result.NhsNumber)); // clean precision-pseudonym

        switch (result.Flag)
        {
            case LabFlag.Abnormal:
                logger.AbnormalResult(result.TestCode, result.NhsNumber); // leak TC1001 direct
                break;
            case LabFlag.Critical:
                logger.CriticalResult(result.TestCode, result.NhsNumber); // clean precision-pseudonym
                activity?.AddEvent(new ActivityEvent("lab.critical", tags: new() { ["lab.test.code"] = result.TestCode, ["lab.value"] = (double)result.Value })); // clean direct
                break;
        }

        logger.ResultFiled(result.OrderId, result.TestCode);
    }
}
