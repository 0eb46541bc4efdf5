using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout64.Education;

public sealed record GradeRow(int Line, string StudentNumber, string AssessmentId, int Mark);

/// <summary>A rejected line of the marks file: the column and what is wrong with it, in words.</summary>
public sealed record RowError(int Line, string Column, string Problem);

/// <summary>Imports the marks file a lecturer uploads: one result per line, then a report.</summary>
public sealed class GradeImport(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<GradeImport> logger)
{
    private readonly Counter<int> _rejected = meter.CreateCounter<int>("grades.import.rejected");

    public IReadOnlyList<GradeRow> Import(string assessmentId, IEnumerable<string> lines, IReadOnlyDictionary<string, string> tutorGroupByStudent)
    {
        var (rows, errors) = lines.Select((line, index) => Parse(index + 2, line, assessmentId)).Partition();

        logger.LogInformation("Imported {Rows} rows for {Assessment}, {Errors} rejected", rows.Count, assessmentId, errors.Count); // clean precision-about
        logger.LogWarning("Rejected rows: {Errors}", errors); // leak TC1001 logging-objects
        logger.LogWarning("Rejected lines {Lines} in columns {Columns}", errors.Select(e => e.Line), errors.Select(e => e.Column).Distinct()); // clean precision-names
        _rejected.Add(errors.Count, new KeyValuePair<string, object?>("assessment", assessmentId)); // clean precision-about

        foreach (var (line, column, problem) in errors)
        {
            if (column is "mark")
            {
                logger.LogDebug("Line {Line}: {Problem}", line, problem); // clean strings
            }
        }

        foreach (var row in rows)
        {
            Result.Try(() => tutorGroupByStudent[row.StudentNumber])
                .OnFailure(error => logger.LogWarning("Line {Line} has no tutor group: {Error}", row.Line, error)) // leak TC1001 exceptions
                .OnFailure(error => logger.LogWarning("Line {Line} has no tutor group ({ErrorType})", row.Line, error.Code)); // clean exceptions
        }

        (int Best, int Worst) range = rows.Count > 0 ? (rows.Max(r => r.Mark), rows.Min(r => r.Mark)) : (0, 0);
        logger.LogInformation("Mark range {Range}", range); // clean precision-about

        if (rows.MaxBy(r => r.Mark) is { StudentNumber: var topStudent, Mark: var topMark })
        {
            logger.LogInformation("Top mark {Mark} by {Student}", topMark, topStudent); // leak TC1001 direct
            logger.LogInformation("Top mark {Mark} by {StudentRef}", topMark, pseudonymizer.ComputeEnrolmentStudentId(topStudent)); // clean precision-pseudonym
        }

        string[] failing = [.. rows.Where(r => r.Mark < 40).Select(r => r.StudentNumber)];
        logger.LogInformation("{Count} scripts below the pass mark", failing.Length); // clean precision-about
        Activity.Current?.SetTag("grades.failing", string.Join(";", failing)); // leak TC1001 strings
        string[] failingRefs = [.. failing.Select(pseudonymizer.ComputeEnrolmentStudentId)];
        Activity.Current?.SetTag("grades.failing_refs", string.Join(";", failingRefs)); // clean precision-pseudonym

        foreach (var row in rows.Where(r => r.Mark == 0))
        {
            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{row.StudentNumber}:{row.AssessmentId}")))[..16];
            logger.LogDebug("Zero mark flagged for review as {ReviewKey}", key); // leak TC1002 hashes

            using var hmac = new HMACSHA256(secrets.ShardKey);
            var lane = hmac.ComputeHash(Encoding.UTF8.GetBytes(row.StudentNumber))[0] % 4;
            logger.LogDebug("Zero mark routed to moderation lane {Lane}", lane); // clean hashes
        }

        return rows;
    }

    private static Result<GradeRow, RowError> Parse(int line, string text, string assessmentId) =>
        text.Split(',', StringSplitOptions.TrimEntries) switch
        {
            [var student, _] when !IsStudentNumber(student) => new RowError(line, "student_number", $"'{student}' is not a student number"),
            [_, var mark] when !int.TryParse(mark, out _) => new RowError(line, "mark", $"'{mark}' is not a mark"),
            [var student, var mark] => new GradeRow(line, student, assessmentId, int.Parse(mark)),
            var cells => new RowError(line, "*", $"expected 2 cells, found {cells.Length}"),
        };

    private static bool IsStudentNumber(string value) =>
        value is [>= 'A' and <= 'Z', _, _, _, _, _, _, _] && value[1..].All(char.IsAsciiDigit);
}
