using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout5.Support;
using TelemetryConventions;

namespace PrivacyHoldout5.Education;

public sealed record EnrolmentRow(long EnrolmentId, string StudentNumber, string CourseCode, string Status);

public sealed record EnrolmentQuery(string StudentNumber, string TermCode);

/// <summary>Enrolments table access, Dapper style.</summary>
public sealed class EnrolmentRepository(IDbConnectionFactory connections, ILogger<EnrolmentRepository> logger)
{
    private const string ByStudentSql =
        "select enrolment_id, student_number, course_code, status from enrolments where student_number = @StudentNumber and term_code = @TermCode";

    private static readonly ActivitySource Source = new("Campus.Enrolments");

    public async Task<IReadOnlyList<EnrolmentRow>> ForStudentAsync(string studentNumber, string termCode)
    {
        var parameters = new EnrolmentQuery(studentNumber, termCode);
        using var activity = Source.StartActivity("enrolments.by_student", ActivityKind.Client);
        activity?.SetTag("db.system.name", "postgresql");
        activity?.SetTag("db.query.text", ByStudentSql); // clean precision-names
        activity?.SetTag("db.query.parameter.student_number", parameters.StudentNumber); // leak TC1001 cross-member
        activity?.SetTag("db.query.parameter.term_code", parameters.TermCode); // clean precision-names

        using var connection = connections.Open();
        var rows = (await connection.QueryAsync<EnrolmentRow>(ByStudentSql, parameters)).ToList();
        activity?.SetTag("db.response.returned_rows", rows.Count); // clean precision-about
        if (rows.Count == 0)
        {
            logger.LogDebug("No enrolments for {@Query}", parameters); // leak TC1001 logging-objects
        }
        return rows;
    }

    public async Task WithdrawAsync(long enrolmentId, string studentNumber, string reason)
    {
        using var connection = connections.Open();
        var args = new { Id = enrolmentId, Student = studentNumber, Reason = reason };
        var affected = await connection.ExecuteAsync(
            "update enrolments set status = 'withdrawn', reason = @Reason where enrolment_id = @Id and student_number = @Student", args);
        if (affected != 1)
        {
            logger.LogWarning("Withdraw touched {Rows} rows for {@Args}", affected, args); // leak TC1001 logging-objects
            throw new InvalidOperationException($"Enrolment {enrolmentId} of student {studentNumber} was not withdrawn.");
        }
        logger.LogInformation("Enrolment {EnrolmentId} withdrawn ({Reason})", enrolmentId, reason); // clean precision-names
    }
}

/// <summary>Typed client for the timetabling service.</summary>
public sealed class TimetableClient(HttpClient http, Pseudonymizer pseudonymizer, ILogger<TimetableClient> logger)
{
    public async Task<string[]> ClashesAsync(string studentNumber, string guardianEmail, IEnumerable<string> courseCodes, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("/v2/clashes?");
        query.Append("student=").Append(Uri.EscapeDataString(studentNumber));
        foreach (var code in courseCodes)
        {
            query.Append("&course=").Append(Uri.EscapeDataString(code));
        }
        var url = query.ToString();
        Activity.Current?.SetTag("timetable.request.url", url); // leak TC1001 strings
        Activity.Current?.SetTag("timetable.request.courses", courseCodes.Count()); // clean precision-about

        using var response = await http.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Timetable answered {Status} for {Url}", (int)response.StatusCode, response.RequestMessage?.RequestUri); // leak TC1001 cross-member
            var student = pseudonymizer.Pseudonymize("student", studentNumber);
            logger.LogWarning("Timetable unavailable for student {Student}", student); // clean precision-pseudonym
            return [];
        }

        var notifyUrl = $"/v2/notify?to={Uri.EscapeDataString(guardianEmail)}";
        logger.LogDebug("Notifying guardian through {Path}", notifyUrl); // leak TC1001 strings
        var guardianDomain = guardianEmail[(guardianEmail.IndexOf('@') + 1)..];
        Activity.Current?.SetTag("timetable.guardian.email_domain", guardianDomain); // clean precision-about
        return await response.Content.ReadFromJsonAsync<string[]>(cancellationToken) ?? [];
    }
}

/// <summary>Calls the repository and turns its failure into a span status.</summary>
public sealed class WithdrawalHandler(EnrolmentRepository repository, ILogger<WithdrawalHandler> logger)
{
    public async Task HandleAsync(long enrolmentId, string studentNumber, string reason)
    {
        try
        {
            await repository.WithdrawAsync(enrolmentId, studentNumber, reason);
        }
        catch (InvalidOperationException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogError(ex, "Withdrawal of enrolment {EnrolmentId} failed", enrolmentId); // leak TC1001 exceptions
            logger.LogWarning("Withdrawal failed: {Message}", ex.Message); // leak TC1001 exceptions
        }
    }
}
