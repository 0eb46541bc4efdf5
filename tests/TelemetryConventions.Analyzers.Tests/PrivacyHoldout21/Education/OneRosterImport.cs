using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net.Mail;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Education;

public sealed record RosterClass(string SourcedId, string Title, string CourseSourcedId, string SchoolSourcedId, string ClassType);

public sealed record RosterEnrollment(string SourcedId, string ClassSourcedId, string SchoolSourcedId, string UserSourcedId, string Role);

public sealed record RosterUser(string SourcedId, string Role, string Username, string GivenName, string FamilyName, string Identifier, string Email, IReadOnlyList<string> AgentSourcedIds);

/// <summary>Reads a OneRoster 1.1 CSV bulk export (users.csv, classes.csv, enrollments.csv) from the student information system.</summary>
public sealed class OneRosterImport(Pseudonymizer pseudonymizer, Meter meter, ILogger<OneRosterImport> logger)
{
    private static readonly string[] KnownRoles = ["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"];
    private static readonly ActivitySource Source = new("Campus.Roster");

    public IReadOnlyList<RosterUser> ReadUsers(TextReader csv)
    {
        using var activity = Source.StartActivity("oneroster.users");
        var header = csv.ReadLine() ?? string.Empty;
        activity?.SetTag("oneroster.users.header", header); // clean strings
        var columns = SplitRow(header).Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);

        var users = new List<RosterUser>();
        var lineNumber = 1;
        for (var line = csv.ReadLine(); line is not null; line = csv.ReadLine())
        {
            lineNumber++;
            var fields = SplitRow(line);
            if (fields.Count != columns.Count)
            {
                logger.LogWarning("users.csv line {LineNumber} has {Fields} fields, expected {Expected}: {Line}", lineNumber, fields.Count, columns.Count, line); // leak TC1001 strings
                continue;
            }

            string Field(string name) => fields[columns[name]];
            var role = Field("role");
            if (!KnownRoles.Contains(role))
            {
                logger.LogWarning("users.csv line {LineNumber}: unknown role {Role}", lineNumber, role); // clean precision-about
                continue;
            }

            if (role == "student" && Field("identifier").Length == 0)
            {
                logger.LogWarning("Student {SourcedId} has no identifier", Field("sourcedId")); // leak TC1001 direct
            }

            var email = Field("email");
            if (email.Length > 0 && !MailAddress.TryCreate(email, out _))
            {
                logger.LogInterchangeMessageRejectedEvent("users.csv", interchangeOutcome: $"line {lineNumber}: email {email} is not valid"); // leak TC1001 generated-api
                continue;
            }

            var agents = Field("agentSourcedIds").Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (role == "student" && agents.Length == 0)
            {
                logger.LogInterchangeMessageRejectedEvent("users.csv", interchangeOutcome: $"line {lineNumber}: student without guardian"); // clean generated-api
            }

            logger.LogDebug("Guardians of line {LineNumber}: {AgentSourcedIds}", lineNumber, Field("agentSourcedIds")); // leak TC1001 direct
            var user = new RosterUser(Field("sourcedId"), role, Field("username"), Field("givenName"), Field("familyName"), Field("identifier"), email, agents);
            users.Add(user);

            activity?.AddEvent(new ActivityEvent("oneroster.user", tags: new ActivityTagsCollection { ["oneroster.user.role"] = role, ["oneroster.user.cohort"] = HashCode.Combine(user.Username) & 7 })); // leak TC1002 hashes
            if (role == "student")
            {
                meter.CreateInterchangeMessagesCounter().Add(1, "oneroster", "users", interchangeOutcome: pseudonymizer.ComputeInterchangeSubjectId(user.Identifier)); // leak TC1003 precision-pseudonym
            }
        }

        activity?.SetTag("oneroster.users.count", users.Count);
        activity?.SetTag("oneroster.users.student_count", users.Count(u => u.Role == "student")); // clean precision-names
        return users;
    }

    public void LogClasses(IEnumerable<RosterClass> classes)
    {
        foreach (var rosterClass in classes.Where(c => c.ClassType == "homeroom"))
        {
            logger.LogDebug("Homeroom {@Class}", rosterClass); // clean logging-objects
        }
    }

    public void CheckEnrollments(IEnumerable<RosterEnrollment> enrollments, ISet<string> knownClasses)
    {
        foreach (var enrollment in enrollments.Where(e => !knownClasses.Contains(e.ClassSourcedId)))
        {
            logger.LogWarning("Enrollment for an unknown class {Enrollment}", enrollment); // leak TC1001 logging-objects
            logger.LogWarning("Unknown class {ClassSourcedId} in school {SchoolSourcedId}", enrollment.ClassSourcedId, enrollment.SchoolSourcedId); // clean direct
        }
    }

    private static List<string> SplitRow(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
