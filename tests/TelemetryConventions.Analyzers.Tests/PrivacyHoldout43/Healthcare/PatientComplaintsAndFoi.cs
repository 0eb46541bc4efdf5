using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Healthcare;

public sealed record PatientComplaint(
    string ComplaintId,
    string ComplainantName,
    string ComplainantEmail,
    string? PatientNhsNumber,
    string Category,
    string Service,
    string Details);

public enum FoiExemption
{
    None,
    InformationAccessibleByOtherMeans,
    PersonalInformation,
    CommerciallySensitive,
}

public sealed record FoiRequest(string FoiReference, string RequesterName, string RequesterEmail, string RequestText, DateOnly ReceivedOn);

public sealed partial class PatientAdviceService(
    ILogger<PatientAdviceService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ICaseStore<PatientComplaint> complaints)
{
    private readonly Counter<long> _opened = meter.CreateCounter<long>("pals.complaints.opened", "{complaint}");

    public async Task OpenAsync(PatientComplaint complaint, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("pals.complaint.id", complaint.ComplaintId); // clean direct
        activity?.SetTag("pals.complaint.category", complaint.Category); // clean precision-about
        activity?.SetTag(CaseworkAttributes.SubjectContact, pseudonymizer.Compute("pals.complainant", complaint.ComplainantEmail)); // leak TC1001 precision-pseudonym
        activity?.SetTag("pals.complainant.email_domain", complaint.ComplainantEmail[(complaint.ComplainantEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("pals.complaint.about_patient", complaint.PatientNhsNumber is not null); // clean precision-about

        await complaints.SaveAsync(complaint, cancellationToken);

        _opened.Add(1, new KeyValuePair<string, object?>("service", complaint.Service), new KeyValuePair<string, object?>("complainant", pseudonymizer.ComputeCaseworkSubjectId(complaint.ComplainantEmail))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Complaint {ComplaintId} from {Complainant} about {Service}", complaint.ComplaintId, complaint.ComplainantName, complaint.Service); // leak TC1001 direct
        ComplaintSummaryWritten(logger, complaint.ComplaintId, complaint.Details); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Complaint {ComplaintId} summary: {Details}")]
    private static partial void ComplaintSummaryWritten(ILogger logger, string complaintId, string details);
}

public sealed class FreedomOfInformationDesk(
    ILogger<FreedomOfInformationDesk> logger,
    Meter meter,
    TimeProvider clock)
{
    private readonly Histogram<int> _daysToRespond = meter.CreateHistogram<int>("foi.response.days", "d");
    private readonly Dictionary<string, int> _requestsByRequester = new(StringComparer.OrdinalIgnoreCase);

    public void Log(FoiRequest request)
    {
        var activity = Activity.Current;
        activity?.SetTag("foi.reference", request.FoiReference); // clean direct
        logger.LogInformation("FOI {Reference} received: {RequestText}", request.FoiReference, request.RequestText); // leak TC1001 direct

        // Repeated requests from one requester are looked at under section 14 (vexatious requests).
        var requesterBucket = request.RequesterEmail.Trim().ToLowerInvariant().GetHashCode() & 0xFF;
        activity?.SetTag("foi.requester_bucket", requesterBucket); // leak TC1002 hashes

        _requestsByRequester[request.RequesterEmail] = _requestsByRequester.GetValueOrDefault(request.RequesterEmail) + 1;
        if (_requestsByRequester[request.RequesterEmail] > 3)
        {
            logger.LogWarning("Requester {Requester} has sent {Count} requests this quarter", request.RequesterName, _requestsByRequester[request.RequesterEmail]); // leak TC1001 direct
        }
    }

    public void Respond(FoiRequest request, FoiExemption exemption)
    {
        var days = clock.GetUtcNow().DayOfYear - request.ReceivedOn.DayOfYear;
        _daysToRespond.Record(days, new KeyValuePair<string, object?>("exemption", exemption.ToString())); // clean precision-names
        logger.LogInformation("FOI {Reference} answered after {Days} days, exemption {Exemption}", request.FoiReference, days, exemption); // clean precision-names
    }
}
