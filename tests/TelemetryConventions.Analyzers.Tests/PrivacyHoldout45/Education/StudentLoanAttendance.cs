using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Education;

// Tuition fee and maintenance loans: before each instalment the student loans company asks the
// university to confirm that the student is attending. The registry's worker answers each request
// from the student record and reports a change of circumstances (withdrawal, suspension) back.

/// <summary>
/// One confirmation request. <see cref="CustomerReferenceNumber"/> is the loans company's customer
/// reference of the student (the CRN on every letter it sends them).
/// </summary>
public sealed record AttendanceConfirmationRequest(
    string RequestId,
    string BatchId,
    string CustomerReferenceNumber,
    string StudentNumber,
    string FamilyName,
    DateOnly DateOfBirth,
    string CourseCode,
    string AcademicYear,
    int Instalment);

public sealed record StudentRecord(string StudentNumber, string FamilyName, DateOnly DateOfBirth, string CourseCode, string EnrolmentStatus, string? SuspensionReasonCode);

public interface IStudentRecords
{
    Task<StudentRecord?> FindAsync(string studentNumber, CancellationToken cancellationToken);
}

public interface ILoansCompanyGateway
{
    Task ConfirmAsync(string requestId, bool attending, string? changeOfCircumstances, CancellationToken cancellationToken);
}

public sealed class LoanRecordMismatchException(string customerReferenceNumber, string studentNumber, string field)
    : Exception($"CRN {customerReferenceNumber} does not match student {studentNumber} on {field}")
{
    public string Field { get; } = field;
}

public sealed class AttendanceConfirmationWorker(
    IQueueReceiver<AttendanceConfirmationRequest> requests,
    IStudentRecords records,
    ILoansCompanyGateway gateway,
    Meter meter,
    ILogger<AttendanceConfirmationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Registry.StudentFinance");
    private readonly Counter<long> _confirmations = meter.CreateCounter<long>("registry.slc.confirmations");
    private readonly Counter<long> _confirmationsByCampus = meter.CreateCounter<long>("registry.slc.confirmations.by_campus");
    private string? _lastCustomerReference;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await requests.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                logger.LogDebug("Queue drained; last request answered was for {CustomerReference}", _lastCustomerReference); // leak TC1001 cross-member
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                continue;
            }

            await ConfirmAsync(request, stoppingToken);
            _lastCustomerReference = request.CustomerReferenceNumber;
        }
    }

    private async Task ConfirmAsync(AttendanceConfirmationRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("slc.attendance.confirm", ActivityKind.Consumer);
        activity?.SetTag("slc.request.id", request.RequestId); // clean precision-about
        activity?.SetTag("slc.batch.id", request.BatchId); // clean precision-about
        activity?.SetTag("slc.customer_reference", request.CustomerReferenceNumber); // leak TC1001 direct
        activity?.SetTag("slc.instalment", request.Instalment); // clean precision-about

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["AcademicYear"] = request.AcademicYear, ["StudentNumber"] = request.StudentNumber }); // leak TC1001 logging-objects

        try
        {
            var record = await records.FindAsync(request.StudentNumber, cancellationToken);
            if (record is null || record.FamilyName != request.FamilyName || record.DateOfBirth != request.DateOfBirth)
            {
                throw new LoanRecordMismatchException(request.CustomerReferenceNumber, request.StudentNumber, record is null ? "student_number" : "identity");
            }

            var attending = record.EnrolmentStatus == "enrolled" && record.CourseCode == request.CourseCode;
            var change = attending ? null : record.SuspensionReasonCode ?? "withdrawn";
            await gateway.ConfirmAsync(request.RequestId, attending, change, cancellationToken);

            logger.LogInformation("Confirmed {Attending} for {StudentNumber} on {CourseCode}", attending, request.StudentNumber, request.CourseCode); // leak TC1001 direct
            _confirmations.Add(1, new KeyValuePair<string, object?>("slc.academic_year", request.AcademicYear), new KeyValuePair<string, object?>("slc.change_of_circumstances", change ?? "none")); // clean precision-about
            _confirmationsByCampus.Add(1, new KeyValuePair<string, object?>("student.campus", request.StudentNumber[..2])); // clean precision-about
        }
        catch (LoanRecordMismatchException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Record mismatch ({ExceptionType}) on {Field}", ex.GetType().Name, ex.Field); // clean exceptions
            _confirmations.Add(1, new KeyValuePair<string, object?>("slc.mismatch.crn", request.CustomerReferenceNumber)); // leak TC1003 direct
        }
    }
}
