using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout7.Support;
using TelemetryConventions;

namespace PrivacyHoldout7.Healthcare;

public sealed class DischargeSummaryOptions
{
    public string FaxGateway { get; set; } = "fax-eu-1";

    public int BatchSize { get; set; } = 50;

    public string SenderMailbox { get; set; } = "discharge-noreply@clinic.example";
}

/// <summary>Nightly job that sends discharge summaries to the patient's GP.</summary>
public sealed class DischargeSummaryJob(IOptions<DischargeSummaryOptions> options, Pseudonymizer pseudonymizer, byte[] shardKey, ILogger<DischargeSummaryJob> logger) : IJob
{
    private static readonly ActivitySource Source = new("Clinic.Discharge");
    private static readonly ConcurrentDictionary<string, Pseudonym> PatientPseudonyms = new();

    public async Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        var nhsNumber = data.GetString("nhsNumber");
        var gpPracticeCode = data.GetString("gpPracticeCode");
        var settings = options.Value;

        using var activity = Source.StartActivity("discharge-summary send");
        activity?.SetTag("job.key", context.JobKey.ToString()); // clean precision-names
        activity?.SetTag("clinic.fax.gateway", settings.FaxGateway); // clean precision-about
        activity?.SetTag("clinic.sender.mailbox", settings.SenderMailbox); // clean precision-names
        activity?.SetTag("clinic.gp.practice", gpPracticeCode); // clean precision-about
        activity?.SetTag("clinic.patient.nhs_number", data["nhsNumber"]); // leak TC1001 direct

        var patient = PatientPseudonyms.GetOrAdd(nhsNumber, n => pseudonymizer.Pseudonymize("patient", n));
        activity?.SetTag("clinic.patient.id", patient); // clean precision-pseudonym
        var shard = HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(nhsNumber))[0] % 16;
        activity?.SetTag("clinic.patient.shard", shard); // clean hashes

        try
        {
            await SendAsync(nhsNumber, gpPracticeCode);
        }
        catch (InvalidOperationException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Discharge summary for practice {Practice} failed: {ErrorType}", gpPracticeCode, ex.GetType().Name); // clean exceptions
        }
    }

    private static Task SendAsync(string nhsNumber, string gpPracticeCode)
    {
        if (gpPracticeCode.Length == 0)
        {
            throw new InvalidOperationException($"No GP practice on record for NHS number {nhsNumber}");
        }

        return Task.CompletedTask;
    }
}
