using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Education;

public interface IPlatformKeySet
{
    Task<bool> VerifyAsync(string idToken, CancellationToken cancellationToken);
}

public interface ILaunchSessions
{
    void Start(LaunchContext launch);
}

/// <summary>What the tool keeps of a validated launch.</summary>
public sealed record LaunchContext(string Subject, string? StudentNumber, string CourseId, string ResourceLinkId, IReadOnlyList<string> Roles, string SubjectRef)
{
    public bool IsInstructor => Roles.Any(r => r.EndsWith("#Instructor", StringComparison.Ordinal));
}

public sealed class LaunchRejectedException(string reason) : Exception(reason);

/// <summary>Validates LTI 1.3 resource link launches (the id_token the platform posts to the tool).</summary>
public sealed class LtiLaunchHandler(IPlatformKeySet keys, ILaunchSessions sessions, Pseudonymizer pseudonymizer, ILogger<LtiLaunchHandler> logger)
{
    private const string Claim = "https://purl.imsglobal.org/spec/lti/claim/";
    private static readonly ActivitySource Source = new("Campus.Lti");

    public async Task<LaunchContext> LaunchAsync(string idToken, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("lti.launch");
        var segments = idToken.Split('.');
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[1]));
        var claims = payload.RootElement;

        activity?.SetTag("lti.message_type", claims.GetProperty(Claim + "message_type").GetString()); // clean precision-about
        activity?.SetTag("lti.version", claims.GetProperty(Claim + "version").GetString());
        activity?.SetTag("lti.deployment_id", claims.GetProperty(Claim + "deployment_id").GetString());
        activity?.SetTag("lti.issuer", claims.GetProperty("iss").GetString());

        var subject = claims.GetProperty("sub").GetString() ?? throw new LaunchRejectedException("The id_token has no sub claim");
        activity?.SetTag("lti.sub", subject); // leak TC1001 direct

        var roles = claims.GetProperty(Claim + "roles").EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToArray();
        activity?.SetTag("lti.roles", string.Join(',', roles.Select(r => r[(r.LastIndexOf('#') + 1)..]))); // clean precision-about

        var context = claims.GetProperty(Claim + "context");
        var courseId = context.GetProperty("id").GetString() ?? string.Empty;
        activity?.SetTag("lti.context.id", courseId); // clean direct
        activity?.SetTag("lti.context.title", context.TryGetProperty("title", out var title) ? title.GetString() : null);

        var resourceLink = claims.GetProperty(Claim + "resource_link").GetProperty("id").GetString() ?? string.Empty;
        string? studentNumber = claims.TryGetProperty(Claim + "lis", out var lis) && lis.TryGetProperty("person_sourcedid", out var sourcedId) ? sourcedId.GetString() : null;
        string? email = claims.TryGetProperty("email", out var emailClaim) ? emailClaim.GetString() : null;

        if (!await keys.VerifyAsync(idToken, cancellationToken))
        {
            logger.LogWarning("Launch for {Email} failed the platform signature check", email); // leak TC1001 direct
            throw new LaunchRejectedException("Signature check failed");
        }

        var launch = new LaunchContext(subject, studentNumber, courseId, resourceLink, roles, pseudonymizer.ComputeInterchangeSubjectId(subject));
        sessions.Start(launch);
        logger.LogInformation("Launch accepted {Launch}", launch); // leak TC1001 logging-objects
        logger.LogInformation("Launch into {CourseId} as instructor: {IsInstructor}", launch.CourseId, launch.IsInstructor); // clean logging-objects
        return launch;
    }
}
