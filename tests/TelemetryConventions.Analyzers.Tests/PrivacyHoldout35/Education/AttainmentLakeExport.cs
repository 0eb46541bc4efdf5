using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Education;

public sealed record AttainmentRow(string StudentNumber, string CourseCode, string Component, decimal Mark, string Grade, string AcademicYear, string SchoolUrn);

public sealed record LakeAttainment(string LearnerRef, string CourseCode, string Component, decimal Mark, string Grade);

public sealed class AwardingBodyRejectedException(string message) : Exception(message);

public interface IAttainmentSource
{
    IAsyncEnumerable<AttainmentRow> ReadChangedSinceAsync(DateTimeOffset watermark, CancellationToken cancellationToken);

    IAsyncEnumerable<AttainmentRow> ReadLearnerAsync(string studentNumber, string academicYear, CancellationToken cancellationToken);
}

public interface IAwardingBodyGateway
{
    Task SubmitAsync(string academicYear, string candidateNumber, Uri file, CancellationToken cancellationToken);
}

/// <summary>The awarding body's enquiries API: a refusal comes back as a reason code.</summary>
public sealed class AwardingBodyGateway(Func<string, string, Uri, Task<string?>> post) : IAwardingBodyGateway
{
    public async Task SubmitAsync(string academicYear, string candidateNumber, Uri file, CancellationToken cancellationToken)
    {
        var refusal = await post(academicYear, candidateNumber, file);
        if (refusal is not null)
        {
            throw new AwardingBodyRejectedException($"Candidate {candidateNumber} ({academicYear}) refused: {refusal}");
        }
    }
}

/// <summary>
/// Lands attainment in the lake as Parquet, partitioned by academic year and school, with lineage
/// for the catalogue; re-exports one learner's record to the awarding body on request.
/// </summary>
public sealed class AttainmentLakeExport(
    IAttainmentSource source,
    IDataLakeClient lake,
    ICheckpointStore checkpoints,
    ILineageClient lineage,
    IAwardingBodyGateway awardingBody,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<AttainmentLakeExport> logger)
{
    private const string Job = "attainment_lake_export";
    private static readonly ActivitySource Source = new("Campus.Lake.Attainment");

    private static readonly ParquetSchema Schema = ParquetSchema.Of(
        new ParquetField("learner_ref", "string", Nullable: false),
        new ParquetField("course_code", "string"),
        new ParquetField("component", "string"),
        new ParquetField("mark", "decimal(5,1)"),
        new ParquetField("grade", "string"));

    public async Task ExportChangesAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.GetAsync(Job, cancellationToken) ?? new JobCheckpoint(Job, DateTimeOffset.UnixEpoch, 0);
        using var span = Source.StartPipelineBatch(Job, "lake.attainment");
        logger.LogInformation("Writing attainment with schema {Schema}", Schema); // clean strings

        var partitions = new Dictionary<(string Year, string School), List<LakeAttainment>>();
        string? lastStudent = null;
        await foreach (var row in source.ReadChangedSinceAsync(checkpoint.Watermark, cancellationToken))
        {
            if (row.Mark is < 0 or > 100)
            {
                logger.LogWarning("Mark {Mark} out of range for {StudentNumber} in {CourseCode}; row skipped", row.Mark, row.StudentNumber, row.CourseCode); // leak TC1001 direct
                continue;
            }

            var key = (row.AcademicYear, row.SchoolUrn);
            if (!partitions.TryGetValue(key, out var rows))
            {
                partitions[key] = rows = [];
            }

            rows.Add(new LakeAttainment(pseudonymizer.ComputePipelineSubjectId(row.StudentNumber), row.CourseCode, row.Component, row.Mark, row.Grade));
            lastStudent = row.StudentNumber;
        }

        foreach (var ((year, school), rows) in partitions)
        {
            var path = $"education/attainment/academic_year={year}/school={school}/part-{checkpoint.BatchNumber + 1:D5}.parquet";
            await using var buffer = new MemoryStream();
            await using (var writer = new ParquetFileWriter<LakeAttainment>(buffer, Schema))
            {
                await writer.WriteRowGroupAsync(rows, cancellationToken);
            }

            var uri = await lake.UploadAsync(path, new MemoryStream(buffer.ToArray()), overwrite: false, cancellationToken);
            Activity.Current?.AddEvent(new ActivityEvent("lake.file.written", tags: new ActivityTagsCollection { ["lake.path"] = path, ["lake.rows"] = rows.Count })); // clean strings
            logger.LogDebug("Wrote {Uri}", uri); // clean strings
        }

        var runEvent = new LineageRunEvent(
            "COMPLETE",
            Guid.NewGuid(),
            "campus.warehouse",
            Job,
            [new LineageDataset("mssql://mis", "dbo.assessment_result", ["student_number", "course_code", "component", "mark", "grade"])],
            [new LineageDataset("abfss://lake", "education/attainment", ["learner_ref", "course_code", "component", "mark", "grade"])],
            [new ColumnLineage("learner_ref", ["student_number"], "HMAC-SHA256 keyed pseudonym")],
            clock.GetUtcNow());
        await lineage.EmitAsync(runEvent, cancellationToken);
        logger.LogInformation("Lineage emitted: {@RunEvent}", runEvent); // clean logging-objects
        span.SetPipelineNote("learner_ref <- student_number (keyed)"); // clean precision-names

        var next = new JobCheckpoint(Job, clock.GetUtcNow(), checkpoint.BatchNumber + 1, lastStudent);
        await checkpoints.SaveAsync(next, cancellationToken);
        logger.LogInformation("Checkpoint saved: {@Checkpoint}", next); // leak TC1001 logging-objects
        span.SetPipelineRowCount(partitions.Values.Sum(r => r.Count)); // clean precision-about
    }

    /// <summary>Re-exports one learner's year for the awarding body after a results enquiry.</summary>
    public async Task ReexportLearnerAsync(string studentNumber, string academicYear, CancellationToken cancellationToken)
    {
        Baggage.SetBaggage("export.academic_year", academicYear); // clean direct
        Baggage.SetBaggage("export.learner", studentNumber); // leak TC1001 direct

        using var span = Source.StartPipelineBatch("attainment_reexport", "lake.attainment");
        span.SetPipelineSubjectId(pseudonymizer.PseudonymizePipelineSubjectId(studentNumber)); // clean precision-pseudonym
        span.SetPipelineNote($"results enquiry re-export for {studentNumber}"); // leak TC1001 generated-api

        var rows = new List<AttainmentRow>();
        await foreach (var row in source.ReadLearnerAsync(studentNumber, academicYear, cancellationToken))
        {
            rows.Add(row);
        }

        var path = $"education/enquiries/{academicYear}/{studentNumber}.csv";
        await using var buffer = new MemoryStream();
        using (var csv = new CsvFileWriter(new StreamWriter(buffer, leaveOpen: true)))
        {
            csv.WriteHeader(["candidate", "course", "component", "mark", "grade"]);
            foreach (var row in rows)
            {
                csv.WriteRecord([row.StudentNumber, row.CourseCode, row.Component, row.Mark.ToString("0.0"), row.Grade]);
            }
        }

        var uri = await lake.UploadAsync(path, new MemoryStream(buffer.ToArray()), overwrite: true, cancellationToken);
        logger.LogInformation("Enquiry file {Uri} has {Rows} rows", uri, rows.Count); // leak TC1001 strings

        try
        {
            await awardingBody.SubmitAsync(academicYear, studentNumber, uri, cancellationToken);
        }
        catch (AwardingBodyRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError("Awarding body refused the re-export: {Reason}", ex.Message); // leak TC1001 exceptions
            throw;
        }
    }
}
