using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Mindscape.Raygun4Net;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Education;

public sealed record ResultsEnquiry(Guid EnquiryId, string CentreNumber, string CandidateNumber, string Uci, string SpecificationCode, string ServiceCode);

public sealed record ExamsOfficer(string StaffEmail, string DisplayName, string CentreNumber);

public interface IScriptArchive
{
    /// <summary>Throws <see cref="ScriptNotFoundException"/>; a storage outage throws <see cref="TimeoutException"/>.</summary>
    Task<Uri> FetchScriptAsync(string centreNumber, string candidateNumber, string specificationCode, CancellationToken cancellationToken);
}

/// <summary>
/// Post-results enquiries (reviews of marking, copies of scripts) opened by a centre's exams officer.
/// Errors go to Raygun for the enquiries team.
/// </summary>
public sealed partial class ResultsEnquiryService(
    IScriptArchive archive,
    RaygunClient raygun,
    Pseudonymizer pseudonymizer,
    ILogger<ResultsEnquiryService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("ExamBoard.Enquiries");

    private readonly Counter<long> _enquiryErrors = meter.CreateCounter<long>("enquiry.errors");

    private static readonly HashSet<string> ServiceCodes = new(StringComparer.Ordinal) { "1", "2", "2P", "ATS" };

    public async Task<Uri?> OpenAsync(ResultsEnquiry enquiry, ExamsOfficer officer, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("enquiry.open");
        activity?.SetTag("enquiry.id", enquiry.EnquiryId); // clean direct
        activity?.SetTag("enquiry.service", enquiry.ServiceCode);
        raygun.UserInfo = new RaygunIdentifierMessage(pseudonymizer.ComputeExamsCandidateId(enquiry.Uci)) { IsAnonymous = true }; // clean precision-pseudonym
        raygun.RecordBreadcrumb($"enquiry {enquiry.EnquiryId} ({enquiry.ServiceCode}) for {enquiry.SpecificationCode}"); // clean strings
        raygun.RecordBreadcrumb($"opened by {officer.DisplayName} at centre {officer.CentreNumber}"); // leak TC1001 strings

        try
        {
            if (!ServiceCodes.Contains(enquiry.ServiceCode))
            {
                throw new ArgumentOutOfRangeException(nameof(enquiry), enquiry.ServiceCode, "Unknown enquiry service code.");
            }
            if (enquiry.Uci.Length != 13)
            {
                throw new ArgumentException($"'{enquiry.Uci}' is not a unique candidate identifier.", nameof(enquiry));
            }
            return await archive.FetchScriptAsync(enquiry.CentreNumber, enquiry.CandidateNumber, enquiry.SpecificationCode, cancellationToken);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            await raygun.SendAsync(ex, new List<string> { "enquiry", "validation" }); // clean exceptions
            throw;
        }
        catch (ArgumentException ex)
        {
            activity?.SetTag("enquiry.invalid.param", ex.ParamName); // clean precision-names
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            throw;
        }
        catch (ScriptNotFoundException ex)
        {
            ex.Data["enquiryId"] = enquiry.EnquiryId;
            ex.Data["specification"] = ex.SpecificationCode;
            LogScriptMissing(logger, ex, enquiry.EnquiryId); // leak TC1001 exceptions
            activity?.SetTag("enquiry.error", ex.ToString()); // leak TC1001 exceptions
            _enquiryErrors.Add(1, new KeyValuePair<string, object?>("candidate", pseudonymizer.ComputeExamsCandidateId(enquiry.Uci))); // leak TC1003 precision-pseudonym
            _enquiryErrors.Add(1, new KeyValuePair<string, object?>("error.type", nameof(ScriptNotFoundException))); // clean precision-names
            activity?.SetTag("enquiry.error.data", string.Join(",", ex.Data.Keys.Cast<object>())); // clean precision-names
            return null;
        }
        catch (TimeoutException ex)
        {
            ex.Data["uci"] = enquiry.Uci;
            ex.Data["enquiryId"] = enquiry.EnquiryId;
            logger.LogWarning(ex, "Script archive timed out for enquiry {EnquiryId}", enquiry.EnquiryId); // clean exceptions
            await raygun.SendAsync(ex, new List<string> { "enquiry", "archive-timeout" }); // leak TC1001 exceptions
            throw;
        }
    }

    public async Task ReportEscalationAsync(ResultsEnquiry enquiry, ExamsOfficer officer, Exception failure)
    {
        var userInfo = new RaygunIdentifierMessage(officer.StaffEmail) { FullName = officer.DisplayName };
        var custom = new Dictionary<string, object>
        {
            ["enquiryId"] = enquiry.EnquiryId,
            ["centre"] = officer.CentreNumber,
            ["failureType"] = failure.GetType().Name,
        };
        await raygun.SendAsync(failure, new List<string> { "escalation" }, custom, userInfo); // leak TC1001 cross-member
        var dedupeKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(enquiry.Uci + enquiry.SpecificationCode)));
        logger.LogInformation("Escalation {DedupeKey} raised for enquiry {EnquiryId}", dedupeKey, enquiry.EnquiryId); // leak TC1002 hashes
        logger.LogInformation("Escalation type {FailureType}, centre {Centre}, HResult {HResult:X8}", failure.GetType().Name, officer.CentreNumber, failure.HResult); // clean precision-about
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "No script for enquiry {EnquiryId}")]
    private static partial void LogScriptMissing(ILogger logger, Exception exception, Guid enquiryId);
}
