using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using TelemetryConventions;

namespace PrivacyHoldout40.Healthcare;

/// <summary>
/// An insurer's request to a GP practice for a medical report on a claimant (income protection, critical
/// illness, travel cancellation), received through the medical-reports portal.
/// </summary>
public sealed record MedicalReportRequested(
    string RequestId,
    string InsurerName,
    string InsurerClaimReference,
    string NhsNumber,
    string PatientFamilyName,
    DateOnly DateOfBirth,
    string CaseHandlerEmail,
    bool ConsentSeen,
    string ReportType);

public sealed record GpAssignment(string GpName, string PracticeCode, int OpenReports);

public sealed class ReportCase
{
    public required string RequestId { get; init; }

    public required string NhsNumber { get; init; }

    public required string AssignedGp { get; set; }

    public DateOnly DueBy { get; set; }

    public decimal Fee { get; set; }
}

public interface IGpRota
{
    Task<GpAssignment> NextForReportsAsync(string practiceCode, CancellationToken cancellationToken);
}

public sealed class MedicalReportRequestConsumer(
    IQueueReceiver<MedicalReportRequested> queue,
    IDocumentStore<ReportCase> cases,
    IGpRota rota,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<MedicalReportRequestConsumer> logger) : BackgroundService
{
    private const string PracticeCode = "Y02847";
    private static readonly Dictionary<string, decimal> Fees = new() { ["GPR"] = 104m, ["SAR"] = 50m, ["PMAR"] = 140m };

    private readonly Counter<long> _received = meter.CreateCounter<long>("gp.medical_reports.received", "{request}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }

            await HandleAsync(request, stoppingToken);
        }
    }

    private async Task HandleAsync(MedicalReportRequested request, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("medical-report.request", ActivityKind.Consumer);
        activity?.SetTag("report.request_id", request.RequestId);
        activity?.SetTag("report.insurer", request.InsurerName); // clean direct
        activity?.SetTag("report.insurer_claim", request.InsurerClaimReference); // clean direct
        activity?.SetTag("report.type", request.ReportType); // clean direct
        activity?.SetTag("report.case_handler", request.CaseHandlerEmail); // leak TC1001 direct
        activity?.SetTag("report.case_handler_domain", request.CaseHandlerEmail[(request.CaseHandlerEmail.IndexOf('@') + 1)..]); // clean precision-about
        _received.Add(1, new KeyValuePair<string, object?>("report.type", request.ReportType), new KeyValuePair<string, object?>("insurer", request.InsurerName)); // clean direct

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = request.RequestId, ["NhsNumber"] = request.NhsNumber }); // leak TC1001 logging-objects

        if (!request.ConsentSeen)
        {
            logger.LogWarning("Report request held until signed consent arrives: {Request}", request); // leak TC1001 logging-objects
            activity?.SetTag("report.consent_seen", request.ConsentSeen);
            return;
        }

        var patientRef = pseudonymizer.Compute("gp.patient", request.NhsNumber);
        activity?.SetTag("report.patient", patientRef); // clean precision-pseudonym

        var assignment = await rota.NextForReportsAsync(PracticeCode, cancellationToken);
        var reportCase = new ReportCase
        {
            RequestId = request.RequestId,
            NhsNumber = request.NhsNumber,
            AssignedGp = assignment.GpName,
            DueBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(21)),
            Fee = Fees.GetValueOrDefault(request.ReportType, 104m),
        };
        await cases.SaveAsync(request.RequestId, reportCase, cancellationToken);

        activity?.AddEvent(new ActivityEvent("report.assigned", tags: new ActivityTagsCollection { ["report.practice"] = assignment.PracticeCode, ["report.gp.open_reports"] = assignment.OpenReports })); // clean precision-about
        activity?.SetTag("report.gp", reportCase.AssignedGp); // leak TC1001 cross-member
        logger.LogInformation("Report {RequestId} ({ReportType}) due by {DueBy}, fee {Fee}", request.RequestId, request.ReportType, reportCase.DueBy, reportCase.Fee);
    }

    /// <summary>The practice manager's daily summary of open reports.</summary>
    public async Task SummariseAsync(CancellationToken cancellationToken)
    {
        var open = new List<ReportCase>();
        await foreach (var reportCase in cases.QueryAsync(c => c.DueBy >= DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken))
        {
            open.Add(reportCase);
        }

        var perGp = open.GroupBy(c => c.AssignedGp).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Open insurer reports: {Count}, overdue soon: {Soon}", open.Count, open.Count(c => c.DueBy <= DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)))); // clean precision-about
        logger.LogInformation("Open insurer reports per GP: {PerGp}", perGp); // leak TC1001 logging-objects
        logger.LogDebug("Patients with open reports: {Patients}", string.Join(", ", open.Select(c => c.NhsNumber))); // leak TC1001 strings
    }
}
