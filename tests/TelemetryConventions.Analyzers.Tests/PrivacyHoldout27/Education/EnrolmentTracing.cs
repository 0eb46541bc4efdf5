using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout27.Support;

namespace PrivacyHoldout27.Education;

public sealed record EnrolRequest(string CourseCode, string Cohort);

public sealed record WithdrawRequest(string CourseCode, string Reason);

/// <summary>
/// Enrolment commands of the learning platform. The platform names spans after what they do, and
/// hands the enrolment to the notifications service over the broker with the trace context and
/// baggage in the message headers.
/// </summary>
public sealed class EnrolmentCommands(SchoolTenant school, LearnerSession learner, IMessageProducer producer)
{
    private static readonly ActivitySource Source = new("Mat.Learning.Enrolment");

    public async Task EnrolAsync(EnrolRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("enrol", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = $"enrol {request.CourseCode} ({request.Cohort})"; // clean strings
        }

        Baggage.SetBaggage("school.urn", school.Urn); // clean direct
        Baggage.SetBaggage("learner.ref", learner.LearnerRef); // clean precision-pseudonym
        Baggage.SetBaggage("learner.year_group", learner.YearGroup.ToString()); // clean precision-names

        await PublishAsync("lms.enrolments", request.CourseCode, request, cancellationToken);
    }

    public async Task WithdrawAsync(WithdrawRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("withdraw", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = $"withdraw {learner.StudentNumber} from {request.CourseCode}"; // leak TC1001 strings
        }

        Baggage.SetBaggage("school.urn", school.Urn);
        Baggage.SetBaggage("guardian.email", learner.GuardianEmail); // leak TC1001 direct

        await PublishAsync("lms.withdrawals", request.CourseCode, request, cancellationToken);
    }

    private Task PublishAsync<T>(string topic, string key, T payload, CancellationToken cancellationToken)
    {
        var message = new OutboundMessage { Topic = topic, Key = key, Body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)) };
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), message.Headers, MessageHeaders.Set);
        return producer.ProduceAsync(message, cancellationToken);
    }
}
