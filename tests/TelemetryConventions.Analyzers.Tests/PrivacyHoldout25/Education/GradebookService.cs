using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Education;

public interface ITranscriptStore
{
    Task<Transcript?> GetAsync(string studentNumber, string termId, CancellationToken cancellationToken);
}

public interface IGradeFeed
{
    IAsyncEnumerable<GradeUpdate> ReadAsync(string courseId, CancellationToken cancellationToken);
}

public interface ISubmissionStore
{
    Task<string> SaveAsync(string studentNumber, string assignmentId, byte[] content, CancellationToken cancellationToken);
}

public interface IGuardianDirectory
{
    Task UpdateAsync(string studentNumber, string? email, string? phone, CancellationToken cancellationToken);
}

/// <summary>The learning platform's grade book: transcripts (also over JSON transcoding), grade streams, submissions.</summary>
public sealed class GradebookService(
    ITranscriptStore transcripts,
    IGradeFeed grades,
    ISubmissionStore submissions,
    IGuardianDirectory guardians,
    ILogger<GradebookService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : Gradebook.GradebookBase
{
    private static readonly ActivitySource Source = new("Campus.Gradebook");

    public override async Task<Transcript> GetTranscript(TranscriptRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.GetEndpoint() is RouteEndpoint endpoint)
        {
            Activity.Current?.SetTag("http.route", endpoint.RoutePattern.RawText); // clean precision-names
            Activity.Current?.SetTag("campus.route.student", http.Request.RouteValues["student_number"]); // leak TC1001 direct
            logger.LogInformation("Transcoded {HttpMethod} {Path}", http.Request.Method, http.Request.Path); // leak TC1001 strings
            logger.LogDebug("Route values bound: {RouteKeys}", string.Join(",", http.Request.RouteValues.Keys)); // clean precision-names
        }

        var transcript = await transcripts.GetAsync(request.StudentNumber, request.TermId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No transcript for term {request.TermId}")); // clean exceptions

        await context.WriteResponseHeadersAsync(new Metadata { { "x-transcript-version", transcript.Version.ToString() } });
        Activity.Current.EnrichGrpcCallHandle(context.Method).SetGrpcCallSubjectId(pseudonymizer.PseudonymizeGrpcCallSubjectId(request.StudentNumber)); // clean precision-pseudonym
        logger.LogInformation("Transcript for term {Term}: {CourseCount} courses, GPA {Gpa}", request.TermId, transcript.Grades.Count, transcript.Gpa); // clean precision-about
        Activity.Current?.SetTag("campus.student.display_name", transcript.DisplayName); // leak TC1001 direct
        return transcript;
    }

    public override async Task StreamGrades(GradeStreamRequest request, IServerStreamWriter<GradeUpdate> responseStream, ServerCallContext context)
    {
        using var session = Source.StartGrpcStreamSession("grades");
        session.SetGrpcStreamChannel($"course-{request.CourseId}"); // clean strings
        var sent = 0;
        var markers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var update in grades.ReadAsync(request.CourseId, context.CancellationToken))
        {
            await responseStream.WriteAsync(update);
            sent++;
            markers.Add(update.MarkedBy);
            logger.LogDebug("Pushed grade {Grade} for {StudentNumber} in {Course}", update.Grade, update.StudentNumber, update.CourseId); // leak TC1001 direct
        }

        session.SetGrpcStreamMessages(sent); // clean precision-about
        logger.LogInformation("Grade stream for {Course} ended after {Count} updates, marked by {Markers}", request.CourseId, sent, string.Join(", ", markers)); // leak TC1001 strings
        logger.LogInformation("Grade stream for {Course} had {MarkerCount} markers", request.CourseId, markers.Count); // clean precision-about
    }

    public override async Task<SubmissionReceipt> UploadSubmission(IAsyncStreamReader<SubmissionChunk> requestStream, ServerCallContext context)
    {
        string? studentNumber = null;
        string? assignmentId = null;
        using var content = new System.IO.MemoryStream();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var chunk = requestStream.Current;
            studentNumber ??= chunk.StudentNumber;
            assignmentId ??= chunk.AssignmentId;
            sha.AppendData(chunk.Data.Span);
            content.Write(chunk.Data.Span);
        }

        if (studentNumber is null || assignmentId is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The stream carried no chunks.")); // clean exceptions
        }

        var fingerprint = Convert.ToHexString(sha.GetHashAndReset());
        Activity.Current?.SetTag("campus.submission.sha256", fingerprint); // clean hashes
        Activity.Current?.SetTag("campus.submission.bytes", content.Length); // clean precision-about
        var dedupKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{studentNumber}:{assignmentId}")));
        logger.LogInformation("Submission dedup key {DedupKey}", dedupKey); // leak TC1002 hashes

        var submissionId = await submissions.SaveAsync(studentNumber, assignmentId, content.ToArray(), context.CancellationToken);
        meter.CreateGrpcCallHandledCounter().Add(1, context.Method, nameof(StatusCode.OK), grpcCallOutcome: $"submitted:{assignmentId}"); // clean generated-api
        return new SubmissionReceipt { SubmissionId = submissionId, Bytes = content.Length, Sha256 = fingerprint };
    }

    public override async Task<Empty> UpdateGuardianContact(GuardianContactRequest request, ServerCallContext context)
    {
        Activity.Current?.SetTag("campus.guardian.contact_kind", request.ContactCase.ToString()); // clean precision-names
        switch (request.ContactCase)
        {
            case GuardianContactRequest.ContactOneofCase.Email:
                Activity.Current?.SetTag("campus.guardian.email_domain", request.Email[(request.Email.IndexOf('@') + 1)..]); // clean precision-about
                Activity.Current?.SetTag(GrpcCallAttributes.SubjectContact, pseudonymizer.ComputeGrpcCallSubjectId(request.Email)); // leak TC1001 precision-pseudonym
                break;
            case GuardianContactRequest.ContactOneofCase.Phone:
                logger.LogInformation("Guardian phone of {Student} set to {Phone}", pseudonymizer.ComputeGrpcCallSubjectId(request.StudentNumber), request.Phone); // leak TC1001 direct
                break;
        }

        if (!request.Consent)
        {
            logger.LogGrpcCallRejectedEvent(context.Method, nameof(StatusCode.FailedPrecondition), $"no consent recorded for guardian contact {request.Email}{request.Phone}"); // leak TC1001 generated-api
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Guardian consent is required.")); // clean exceptions
        }

        await guardians.UpdateAsync(request.StudentNumber, request.Email, request.Phone, context.CancellationToken);
        return new Empty();
    }
}
