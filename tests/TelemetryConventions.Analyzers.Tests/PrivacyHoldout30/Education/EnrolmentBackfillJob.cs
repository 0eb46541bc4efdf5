using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Telemetry;

namespace PrivacyHoldout30.Education;

/// <summary>Arguments of <c>lms-ops backfill-enrolments --file enrolments-2024-09.csv --since 2024-09-01 [--batch 500] [--student S1234567]</c>.</summary>
internal sealed record BackfillArgs(string File, DateOnly Since, int BatchSize, int Workers, string? OnlyStudent)
{
    public static BackfillArgs Parse(string[] args)
    {
        string file = "enrolments.csv";
        var since = DateOnly.MinValue;
        int batch = 500, workers = 4;
        string? student = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--file": file = args[++i]; break;
                case "--since": since = DateOnly.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--student": student = args[++i]; break;
            }
        }

        return new BackfillArgs(file, since, batch, workers, student);
    }
}

/// <summary>Backfills enrolments missed by the admissions sync from a registry export (student number, guardian email, course code).</summary>
public sealed class EnrolmentBackfillJob(
    ISqlRunner sql,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<EnrolmentBackfillJob> logger)
{
    public async Task<int> RunAsync(string[] args, TextReader csv, CancellationToken cancellationToken)
    {
        var options = BackfillArgs.Parse(args);
        logger.LogInformation("Backfill from {File} since {Since}, batch size {Batch}", options.File, options.Since, options.BatchSize); // clean precision-names
        logger.LogInformation("Parsed arguments {@Options}", options); // leak TC1001 logging-objects
        if (options.OnlyStudent is not null)
        {
            logger.LogInformation("Re-running the backfill for {Student} only", options.OnlyStudent); // leak TC1001 direct
        }

        using var run = source.StartJobRun("backfill-enrolments");
        var header = await csv.ReadLineAsync(cancellationToken);
        logger.LogDebug("Export header: {Header}", header); // clean precision-names

        int lineNumber = 1, inserted = 0, skipped = 0;
        while (await csv.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            var cells = line.Split(',');
            if (cells.Length < 3)
            {
                logger.LogWarning("Line {LineNumber} is malformed: {Line}", lineNumber, line); // leak TC1001 strings
                skipped++;
                continue;
            }

            var (studentNumber, guardianEmail, courseCode) = (cells[0].Trim(), cells[1].Trim(), cells[2].Trim());
            if (options.OnlyStudent is not null && studentNumber != options.OnlyStudent)
            {
                continue;
            }

            var worker = Math.Abs(studentNumber.GetHashCode()) % options.Workers;
            logger.LogTrace("Line {LineNumber} goes to worker {Worker}", lineNumber, worker); // leak TC1002 hashes

            var rows = await sql.ExecuteAsync(
                "insert into enrolments (student_number, guardian_email, course_code) values (@studentNumber, @guardianEmail, @courseCode) on conflict do nothing",
                new { studentNumber, guardianEmail, courseCode },
                cancellationToken);
            if (rows == 0)
            {
                run.AddJobRowSkippedEvent($"line {lineNumber}: already enrolled on {courseCode}"); // clean precision-names
                logger.LogDebug("Skipped {StudentNumber}: already on {Course}", studentNumber, courseCode); // leak TC1001 direct
                skipped++;
                continue;
            }

            inserted += rows;
            if (inserted % options.BatchSize == 0)
            {
                logger.LogInformation("Progress: {Inserted} inserted, {Skipped} skipped, line {LineNumber}", inserted, skipped, lineNumber); // clean precision-about
            }

            if (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] % 50 == 0)
            {
                logger.LogDebug("QA sample at line {LineNumber}: guardian mailbox at {Domain}", lineNumber, guardianEmail[(guardianEmail.IndexOf('@') + 1)..]); // clean precision-about
            }
        }

        run.SetJobRowsTouched(inserted); // clean precision-about
        meter.CreateJobRowsCounter().Add(skipped, "backfill-enrolments", "skipped"); // clean precision-names
        return skipped == 0 ? 0 : 2;
    }
}
