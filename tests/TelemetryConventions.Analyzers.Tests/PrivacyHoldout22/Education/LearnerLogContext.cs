using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout22.Telemetry;
using Serilog.Context;
using Serilog.Core;
using Serilog.Events;
using TelemetryConventions;

namespace PrivacyHoldout22.Education;

/// <summary>Adds the signed-in learner to every Serilog event, as a pseudonym.</summary>
public sealed class LearnerEnricher(IHttpContextAccessor accessor, Pseudonymizer pseudonymizer) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var user = accessor.HttpContext?.User;
        if (user?.FindFirst("student_number")?.Value is { } studentNumber)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Learner", pseudonymizer.ComputeGatewaySubjectId(studentNumber))); // clean precision-pseudonym
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Campus", studentNumber[..2])); // clean precision-about
        }

        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("YearGroup", user?.FindFirst("year_group")?.Value)); // clean precision-names
    }
}

/// <summary>Adds where the request came from, for the safeguarding team's investigations.</summary>
public sealed class ClientAddressEnricher(IHttpContextAccessor accessor) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var address = accessor.HttpContext?.Connection.RemoteIpAddress;
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("ClientIp", address?.ToString())); // leak TC1001 direct
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("ClientNetwork", NetworkOf(address))); // clean precision-about
    }

    private static string? NetworkOf(IPAddress? address)
    {
        if (address is null || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        return $"{bytes[0]}.{bytes[1]}.0.0/16";
    }
}

public sealed record Guardian(string Email, string DisplayName, string Relationship);

public sealed record SubmissionReceipt(string SubmissionId, DateTimeOffset ReceivedAt, int Files);

public interface ISubmissionStore
{
    Task<SubmissionReceipt> SaveAsync(string studentNumber, string courseCode, string assignmentId, int files, CancellationToken ct);

    Task<Guardian?> GuardianOfAsync(string studentNumber, CancellationToken ct);
}

/// <summary>Takes submissions and tells the guardian of a learner under sixteen.</summary>
public sealed class SubmissionService(ISubmissionStore store, ILogger<SubmissionService> logger, Pseudonymizer pseudonymizer)
{
    public async Task<SubmissionReceipt> SubmitAsync(string studentNumber, string courseCode, string assignmentId, int files, bool underSixteen, CancellationToken ct)
    {
        using var learner = LogContext.PushProperty("StudentNumber", studentNumber); // leak TC1001 direct
        using var course = LogContext.PushProperty("CourseCode", courseCode); // clean precision-names
        using var assignment = LogContext.PushProperty("AssignmentId", assignmentId); // clean precision-names

        var receipt = await store.SaveAsync(studentNumber, courseCode, assignmentId, files, ct);
        logger.LogInformation("Submission {SubmissionId} stored with {Files} files", receipt.SubmissionId, receipt.Files); // clean precision-names

        if (underSixteen && await store.GuardianOfAsync(studentNumber, ct) is { } guardian)
        {
            using var guardianScope = LogContext.PushProperty("Guardian", guardian, destructureObjects: true); // leak TC1001 logging-objects
            using var relationship = LogContext.PushProperty("GuardianRelationship", guardian.Relationship); // clean precision-names
            logger.LogInformation("Guardian notified of submission {SubmissionId}", receipt.SubmissionId); // clean precision-names
        }

        using var reference = LogContext.PushProperty("LearnerRef", pseudonymizer.PseudonymizeGatewaySubjectId(studentNumber)); // clean precision-pseudonym
        return receipt;
    }
}
