using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyHoldout8.Support;
using TelemetryConventions;

namespace PrivacyHoldout8.Education;

public sealed class Learner
{
    public required string StudentNumber { get; init; }

    public required string GuardianEmail { get; init; }

    public string CohortCode { get; init; } = string.Empty;
}

public sealed class ExamDbContext : DbContext
{
    public DbSet<Learner> Learners { get; } = new(Array.Empty<Learner>());
}

/// <summary>Opens an exam sitting for a learner.</summary>
public sealed class ExamSittingService(ExamDbContext db, ILogger<ExamSittingService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Education.Exams");

    private string _lastStudentNumber = string.Empty;
    private Pseudonym _lastLearner;

    public async Task OpenAsync(string studentNumber, string examCode, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("exam.open");
        var learner = await db.Learners.FirstOrDefaultAsync(l => l.StudentNumber == studentNumber, cancellationToken);
        _lastStudentNumber = studentNumber;
        _lastLearner = pseudonymizer.Pseudonymize("education.student", studentNumber);
        activity?.SetTag("exam.code", examCode); // clean direct
        activity?.SetTag("exam.cohort", learner?.CohortCode); // clean precision-about

        try
        {
            if (learner is null)
            {
                throw new KeyNotFoundException($"No learner {studentNumber} for exam {examCode}");
            }
            activity?.SetTag("exam.learner", Describe(learner.StudentNumber)); // leak TC1001 strings
        }
        catch (KeyNotFoundException ex)
        {
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Exam {Exam} not opened: {ExceptionType}", examCode, ex.GetType().Name); // clean exceptions
        }

        static string Describe(string number) => $"learner {number}";
    }

    public void Close(string examCode)
    {
        Activity.Current?.SetTag("exam.closed_for", _lastLearner.Value); // clean cross-member
        logger.LogInformation("Exam {Exam} closed for {Learner}", examCode, _lastStudentNumber); // leak TC1001 cross-member
    }
}
