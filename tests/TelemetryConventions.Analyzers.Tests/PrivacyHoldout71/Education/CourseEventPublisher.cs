using System.Net.Http;
using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Education;

/// <summary>Typed payloads of the course event catalog.</summary>
public abstract record CourseEventData(string CourseCode);

public sealed record SubmissionGraded(string CourseCode, string AssignmentId, string StudentNumber, int Mark, string? Feedback) : CourseEventData(CourseCode);

public sealed record EnrolmentChanged(string CourseCode, string StudentNumber, string GuardianEmail, string Change) : CourseEventData(CourseCode);

public sealed record TimetablePublished(string CourseCode, string Term, int Sessions) : CourseEventData(CourseCode);

/// <summary>One row of the routing table: which consumer gets which types, and how.</summary>
public sealed record Route(string Consumer, string TypePrefix, Uri Endpoint, ContentMode Mode, string Secret);

/// <summary>
/// Publishes course events as CloudEvents to the consumers of the routing table. The subject is the
/// student the event is about (<c>students/{studentNumber}</c>) or the course (<c>courses/{code}</c>);
/// the partition key is the course code.
/// </summary>
public sealed class CourseEventPublisher(
    HttpClient http,
    IReadOnlyList<Route> routes,
    IDeliveryLog deliveryLog,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<CourseEventPublisher> logger,
    TimeProvider clock)
{
    private static readonly JsonEventFormatter Formatter = new();
    private static readonly Dictionary<Type, string> Catalog = new()
    {
        [typeof(SubmissionGraded)] = "uk.ac.college.submission.graded.v1",
        [typeof(EnrolmentChanged)] = "uk.ac.college.enrolment.changed.v2",
        [typeof(TimetablePublished)] = "uk.ac.college.timetable.published.v1",
    };

    private readonly CoursehookDeliveriesCounter _deliveries = meter.CreateCoursehookDeliveriesCounter();
    private readonly Counter<long> _byCourse = meter.CreateCounter<long>("coursehook.events.by_course");

    public async Task PublishAsync(CourseEventData data, CancellationToken cancellationToken)
    {
        var type = Catalog[data.GetType()];
        var cloudEvent = new CloudEvent
        {
            Id = Guid.NewGuid().ToString(),
            Source = new Uri("/college/coursework", UriKind.Relative),
            Type = type,
            Subject = SubjectOf(data),
            Time = clock.GetUtcNow(),
            Data = data,
        };
        cloudEvent["partitionkey"] = data.CourseCode;
        cloudEvent["traceparent"] = Activity.Current?.Id;

        var matched = routes.Where(r => type.StartsWith(r.TypePrefix, StringComparison.Ordinal)).ToList();
        logger.LogDebug("Event {Type} matched routes {Consumers}", type, matched.Select(r => r.Consumer).ToArray()); // clean precision-names
        logger.LogDebug("Routing table: {Routes}", string.Join(", ", matched.Select(r => $"{r.Consumer}->{r.Endpoint.Host}"))); // clean strings
        _byCourse.Add(1, new KeyValuePair<string, object?>("course", data.CourseCode)); // clean direct

        foreach (var route in matched)
        {
            using var span = source.StartCoursehookDeliver(type); // clean generated-api
            span.SetCoursehookEventId(cloudEvent.Id);
            span.SetCoursehookConsumer(route.Consumer); // clean generated-api
            span.SetCoursehookPartition(data.CourseCode); // clean generated-api
            span.Activity?.SetTag("cloudevents.event_subject", cloudEvent.Subject); // leak TC1001 cross-member
            span.Activity?.SetTag("cloudevents.extensions", string.Join(";", cloudEvent.GetPopulatedAttributes().Select(a => a.Key.Name))); // clean precision-names
            if (data is SubmissionGraded or EnrolmentChanged)
            {
                var student = data is SubmissionGraded g ? g.StudentNumber : ((EnrolmentChanged)data).StudentNumber;
                span.SetCoursehookStudentId(pseudonymizer.PseudonymizeCoursehookStudentId(student)); // clean precision-pseudonym
            }

            using var content = cloudEvent.ToHttpContent(route.Mode, Formatter);
            var payload = await content.ReadAsStringAsync(cancellationToken);
            if (route.Mode == ContentMode.Structured)
            {
                logger.LogTrace("Structured envelope for {Consumer}: {Envelope}", route.Consumer, payload); // leak TC1001 logging-objects
            }
            logger.LogTrace("Envelope for {Consumer} is {Bytes} bytes", route.Consumer, Encoding.UTF8.GetByteCount(payload)); // clean precision-about

            using var request = new HttpRequestMessage(HttpMethod.Post, route.Endpoint) { Content = new StringContent(payload) };
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add("X-College-Signature", WebhookSignature.Sign(route.Secret, timestamp, payload));
            var response = await http.SendAsync(request, cancellationToken);
            var outcome = response.IsSuccessStatusCode ? "delivered" : $"failed:{(int)response.StatusCode}";
            span.SetCoursehookOutcome(outcome); // clean generated-api
            _deliveries.Add(1, type, route.Consumer, outcome); // clean generated-api
            await deliveryLog.AppendAsync(new DeliveryAttempt(Guid.NewGuid().ToString("N"), route.Consumer, cloudEvent.Id, type, 1, (int)response.StatusCode, TimeSpan.Zero, null), cancellationToken);

            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Delivery of {EventId} ({Subject}) to {Consumer} failed", cloudEvent.Id, cloudEvent.Subject, route.Consumer); // leak TC1001 cross-member
                _byCourse.Add(1, new KeyValuePair<string, object?>("subject", cloudEvent.Subject)); // leak TC1003 cross-member
            }
        }

        if (data is SubmissionGraded { Feedback: { Length: > 0 } feedback } graded)
        {
            logger.LogInformation("Feedback published for {Assignment}: {Feedback}", graded.AssignmentId, feedback); // leak TC1001 direct
            logger.LogInformation("Mark {Mark} published for {Assignment}", graded.Mark, graded.AssignmentId); // clean precision-about
        }
        if (data is EnrolmentChanged enrolment)
        {
            Activity.Current?.SetTag("enrolment.guardian_domain", enrolment.GuardianEmail.Split('@')[^1]); // clean precision-about
            Activity.Current?.SetTag(CoursehookAttributes.StudentContact, pseudonymizer.Compute("guardian", enrolment.GuardianEmail)); // leak TC1001 precision-pseudonym
            logger.LogInformation("Enrolment change {Change} on {Course} sent to {Data}", enrolment.Change, enrolment.CourseCode, enrolment); // leak TC1001 logging-objects
        }
    }

    private static string SubjectOf(CourseEventData data) => data switch
    {
        SubmissionGraded g => $"students/{g.StudentNumber}",
        EnrolmentChanged e => $"students/{e.StudentNumber}",
        _ => $"courses/{data.CourseCode}",
    };
}
