using System.Diagnostics;
using HotChocolate.Resolvers;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Healthcare;

/// <summary>Field middleware on the fields that read a patient's record: an access trail and timings.</summary>
public sealed class RecordAccessMiddleware(FieldDelegate next, ILogger<RecordAccessMiddleware> logger, Pseudonymizer pseudonymizer)
{
    public async ValueTask InvokeAsync(IMiddlewareContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var field = context.Selection.Field.Coordinate.ToString();
        logger.LogInformation("Resolved {Field} at {Path} in {ElapsedMs} ms", field, context.Path, Stopwatch.GetElapsedTime(started).TotalMilliseconds); // clean precision-names

        if (context.Result is Patient patient)
        {
            logger.LogInformation("Record of {PatientRef} read through {Field}", pseudonymizer.ComputeAppUserId(patient.Id.ToString()), field); // clean precision-pseudonym
            Activity.Current?.AddEvent(new ActivityEvent("record.read", tags: new ActivityTagsCollection { ["field"] = field, ["patient"] = patient.Id })); // leak TC1001 cross-member
        }

        var nhsNumber = context.ArgumentValue<string?>("nhsNumber");
        if (nhsNumber is not null)
        {
            logger.LogInformation("Field {Field} searched by NHS number {NhsNumber}", field, nhsNumber); // leak TC1001 direct
        }
    }
}
