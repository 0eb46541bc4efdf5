using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Education;

public sealed record School(string Urn, string Slug, string Name, string LocalAuthority);

public interface ISchoolDirectory
{
    Task<School?> FindBySlugAsync(string slug);
}

/// <summary>The request's school and learner, filled by <see cref="SchoolTenantMiddleware"/> (scoped).</summary>
public sealed class SchoolContext
{
    public string SchoolUrn { get; set; } = string.Empty;

    public string SchoolName { get; set; } = string.Empty;

    public string? StudentNumber { get; set; }

    public Pseudonym LearnerRef { get; set; }

    public string? YearGroup { get; set; }
}

/// <summary>
/// Resolves the school from the host (<c>{slug}.learn.example.ac.uk</c>, one per academy of the trust)
/// and the learner from the signed-in user's claims.
/// </summary>
public sealed class SchoolTenantMiddleware(ISchoolDirectory directory, SchoolContext school, Pseudonymizer pseudonymizer, ILogger<SchoolTenantMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        var tenant = await directory.FindBySlugAsync(host.Split('.')[0]);
        if (tenant is null)
        {
            logger.LogWarning("No school is served at {Host}", host); // clean precision-names
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        school.SchoolUrn = tenant.Urn;
        school.SchoolName = tenant.Name;
        Activity.Current?.SetTag(ApiAttributes.Tenant, tenant.Urn); // clean precision-names
        Baggage.SetBaggage("school.urn", tenant.Urn); // clean precision-names

        var studentNumber = context.User.FindFirst("student_number")?.Value;
        school.YearGroup = context.User.FindFirst("year_group")?.Value;
        Activity.Current?.SetTag("learner.year_group", school.YearGroup); // clean precision-about
        if (studentNumber is not null)
        {
            school.StudentNumber = studentNumber;
            school.LearnerRef = pseudonymizer.PseudonymizeApiCallerId(studentNumber);
            Activity.Current?.SetTag(ApiAttributes.CallerId, school.LearnerRef.Value); // clean precision-pseudonym
            Baggage.SetBaggage("learner.student_number", studentNumber); // leak TC1001 direct
        }

        using (logger.BeginScope("School {SchoolUrn}, learner {StudentNumber}", tenant.Urn, studentNumber)) // leak TC1001 direct
        {
            await next(context);
        }
    }
}
