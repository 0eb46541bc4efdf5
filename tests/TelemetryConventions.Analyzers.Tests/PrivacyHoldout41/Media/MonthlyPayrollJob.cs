using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Media;

/// <summary>
/// The broadcaster's monthly payroll: gross-to-net, validation of every payslip line, the BACS file
/// and the full payment submission to HMRC.
/// </summary>
public sealed class MonthlyPayrollJob(
    IPayrollStore payroll,
    IRtiGateway rti,
    IBlobContainer bacsOutbox,
    Pseudonymizer pseudonymizer,
    ILogger<MonthlyPayrollJob> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Broadcaster.Payroll");
    private readonly Counter<long> _payslips = meter.CreateCounter<long>("payroll.payslips");
    private readonly Counter<long> _taxCodeKinds = meter.CreateCounter<long>("payroll.tax_code.kinds");

    private static readonly Regex Nino = new("^[A-CEGHJ-PR-TW-Z]{2}[0-9]{6}[A-D]$", RegexOptions.Compiled);

    public async Task RunAsync(PayrollRun run, CancellationToken cancellationToken)
    {
        using var span = Source.StartWorkforcePayrollRun(run.Payroll); // clean precision-names
        var lines = await payroll.GrossToNetAsync(run, cancellationToken);
        span.SetWorkforceRecordCount(lines.Count);

        var bacs = new StringBuilder();
        var accepted = new List<PayslipLine>();
        foreach (var line in lines)
        {
            if (!Nino.IsMatch(line.NationalInsuranceNumber))
            {
                span.AddWorkforceRecordRejectedEvent($"NINO {line.NationalInsuranceNumber} fails the HMRC format"); // leak TC1001 generated-api
                continue;
            }
            if (line.Net < 0)
            {
                span.AddWorkforceRecordRejectedEvent($"payslip {line.PayslipId}: net pay {line.Net} below zero", workforceEmployeeId: pseudonymizer.PseudonymizeWorkforceEmployeeId(line.EmployeeNumber)); // clean generated-api
                continue;
            }

            var record = $"{line.SortCode.Replace("-", "")}{line.AccountNumber}099{(long)(line.Net * 100):D11}{line.PayeeName.ToUpperInvariant(),-18}";
            if (record.Length != 48)
            {
                logger.LogWarning("BACS record has the wrong length: {Record}", record); // leak TC1001 strings
                continue;
            }
            bacs.AppendLine(record);
            accepted.Add(line);

            if (line.TaxCode.EndsWith('X') || line.TaxCode.EndsWith("M1", StringComparison.Ordinal))
            {
                logger.LogWarning("Emergency tax code {TaxCode} for NINO {Nino}; ask for a P45", line.TaxCode, line.NationalInsuranceNumber); // leak TC1001 direct
            }
            _payslips.Add(1, new KeyValuePair<string, object?>("payroll", run.Payroll), new KeyValuePair<string, object?>("ni_category", line.NiCategory.ToString())); // clean precision-about
            _taxCodeKinds.Add(1, new KeyValuePair<string, object?>("payroll", run.Payroll), new KeyValuePair<string, object?>("tax_code_suffix", line.TaxCode[^1..])); // clean precision-about
            logger.LogDebug("QA sample bucket {Bucket} for payslip {PayslipId}", HashCode.Combine(line.EmployeeNumber) & 63, line.PayslipId); // leak TC1002 hashes
            logger.LogDebug("Payslip {PayslipId}: tax code {TaxCode}, bank sort code {SortCode}", line.PayslipId, line.TaxCode, line.SortCode); // clean precision-about
        }

        span.SetWorkforceNote($"{accepted.Count} of {lines.Count} paid, net {accepted.Sum(l => l.Net):F2}"); // clean precision-about
        await bacsOutbox.UploadAsync($"bacs/{run.Period}/{run.RunId}.txt", new System.IO.MemoryStream(Encoding.ASCII.GetBytes(bacs.ToString())), cancellationToken);

        try
        {
            var correlationId = await rti.SubmitFpsAsync(run, accepted, cancellationToken);
            logger.LogInformation("FPS for {Period} accepted with correlation id {CorrelationId}", run.Period, correlationId); // clean precision-names
        }
        catch (RtiSubmissionException ex)
        {
            logger.LogError(ex, "FPS for {Period} rejected", run.Period); // clean exceptions
            span.SetWorkforceNote(string.Join(",", ex.Errors.Select(e => e.Number))); // clean exceptions
            foreach (var error in ex.Errors)
            {
                logger.LogError("RTI error {Number} at {Location}: {Text}", error.Number, error.Location, error.Text); // leak TC1001 exceptions
            }
            throw;
        }

        var highestPaid = accepted.OrderByDescending(l => l.Gross).First();
        logger.LogInformation("Highest gross this run: {Gross} ({Payee})", highestPaid.Gross, highestPaid.PayeeName); // leak TC1001 cross-member
        await payroll.MarkPaidAsync(run.RunId, cancellationToken);
    }
}
