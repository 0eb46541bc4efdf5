#nullable disable
using System;
using System.Collections;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;

namespace PrivacyHoldout28.Education;

public class StudentDataAccess
{
    private static readonly AppLogger _log = AppLogger.For(typeof(StudentDataAccess));
    private readonly string _connectionString;

    public StudentDataAccess(string connectionString)
    {
        _connectionString = connectionString;
    }

    public string InsertEnrolment(string studentNumber, string courseCode, string fundingSource)
    {
        using (SqlConnection connection = new SqlConnection(_connectionString))
        using (SqlCommand command = connection.CreateCommand())
        {
            connection.Open();
            EnsureNotLocked(command, studentNumber);
            command.CommandText = "SELECT COUNT(*) FROM dbo.ENROLMENT WHERE STUDENT_NO = @StudentNumber AND COURSE_CODE = @CourseCode AND STATUS = 'A'";
            command.Parameters.AddWithValue("@StudentNumber", studentNumber);
            command.Parameters.AddWithValue("@CourseCode", courseCode);
            object existing = command.ExecuteScalar();
            if (existing != null && Convert.ToInt32(existing, CultureInfo.InvariantCulture) > 0)
            {
                throw new DuplicateEnrolmentException(studentNumber, courseCode);
            }

            string reference = "ENR-" + DateTime.UtcNow.ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 6).ToUpperInvariant();
            // UX_ENROLMENT_STUDENT_COURSE (STUDENT_NO, COURSE_CODE) catches a second insert that raced past the check.
            command.CommandText = "INSERT INTO dbo.ENROLMENT (ENROLMENT_REF, STUDENT_NO, COURSE_CODE, FUNDING, STATUS) VALUES (@Ref, @StudentNumber, @CourseCode, @Funding, 'A')";
            command.Parameters.AddWithValue("@Ref", reference);
            command.Parameters.AddWithValue("@Funding", fundingSource);
            command.ExecuteNonQuery();
            return reference;
        }
    }

    public void MarkWithdrawn(string studentNumber, string courseCode, string reason)
    {
        using (SqlConnection connection = new SqlConnection(_connectionString))
        using (SqlCommand command = new SqlCommand("dbo.usp_WithdrawEnrolment", connection))
        {
            connection.Open();
            EnsureNotLocked(command, studentNumber);
            command.CommandText = "dbo.usp_WithdrawEnrolment";
            command.CommandType = CommandType.StoredProcedure;
            command.Parameters.Clear();
            command.Parameters.AddWithValue("@StudentNumber", studentNumber);
            command.Parameters.AddWithValue("@CourseCode", courseCode);
            command.Parameters.AddWithValue("@Reason", reason);
            command.ExecuteNonQuery();
        }
    }

    private static void EnsureNotLocked(SqlCommand command, string studentNumber)
    {
        command.CommandText = "SELECT LOCKED_BY FROM dbo.STUDENT WHERE STUDENT_NO = @StudentNumber";
        command.Parameters.Clear();
        command.Parameters.AddWithValue("@StudentNumber", studentNumber);
        string lockedBy = command.ExecuteScalar() as string;
        if (lockedBy != null)
        {
            throw new StudentRecordLockedException(studentNumber, lockedBy);
        }

        command.Parameters.Clear();
    }

    /// <summary>
    /// Nightly import of the learner extract the awarding body sends as a table: STUDENT_NO, ULN,
    /// SURNAME, FORENAMES, DOB, EMAIL, YEAR_GROUP.
    /// </summary>
    public int ImportLearners(DataTable extract)
    {
        ArrayList errors = new ArrayList();
        int imported = 0;
        foreach (DataRow row in extract.Rows)
        {
            if (row.RowState == DataRowState.Deleted)
            {
                continue;
            }

            string studentNumber = row["STUDENT_NO"] as string;
            string yearGroup = row.Field<string>("YEAR_GROUP");
            if (string.IsNullOrEmpty(studentNumber))
            {
                _log.Warn("Learner row without student number: " + string.Join("|", row.ItemArray)); // leak TC1001 logging-objects
                continue;
            }

            if (!IsKnownYearGroup(yearGroup))
            {
                errors.Add("Row " + extract.Rows.IndexOf(row) + ": unknown year group " + yearGroup);
                continue;
            }

            if (row.HasErrors)
            {
                errors.Add("Learner " + studentNumber + ": " + row.RowError);
                continue;
            }

            imported++;
        }

        _log.Info("Learner import: " + imported + " of " + extract.Rows.Count + " row(s) imported, " + errors.Count + " error(s)"); // clean precision-about
        foreach (string error in errors)
        {
            _log.Warn(error); // leak TC1001 cross-member
        }

        Trace.TraceInformation("Learner import columns: {0}", string.Join(",", ColumnNames(extract))); // clean precision-names
        return imported;
    }

    private static bool IsKnownYearGroup(string yearGroup)
    {
        switch (yearGroup)
        {
            case "Y12":
            case "Y13":
            case "FE1":
            case "FE2":
                return true;
            default:
                return false;
        }
    }

    private static string[] ColumnNames(DataTable table)
    {
        string[] names = new string[table.Columns.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = table.Columns[i].ColumnName;
        }

        return names;
    }
}
