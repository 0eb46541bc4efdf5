#nullable disable
using System;
using System.Collections.Specialized;
using System.Diagnostics;
using System.Threading;
using System.Web;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;

namespace PrivacyHoldout28.Education;

/// <summary>Queues absence notices to guardians on the thread pool, as the old ASMX service did.</summary>
public class GuardianNotifier
{
    private static readonly AppLogger _log = AppLogger.For(typeof(GuardianNotifier));
    private static int _queued;

    private sealed class NoticeState
    {
        public string StudentNumber;
        public string GuardianEmail;
        public string GuardianPhone;
        public DateTime SessionDate;
        public string SessionCode;
    }

    /// <summary>The register posts the absence as a form; the notice is queued and the post returns.</summary>
    public void OnAbsenceRecorded(NameValueCollection form)
    {
        NoticeState state = new NoticeState();
        state.StudentNumber = form["studentNumber"];
        state.GuardianEmail = form["guardianEmail"];
        state.GuardianPhone = form["guardianPhone"];
        state.SessionCode = form["session"];
        state.SessionDate = DateTime.Today;

        _log.Debug("Absence form fields: " + string.Join(",", form.AllKeys)); // clean precision-names
        _log.Debug("Absence form from register: guardian " + form["guardianEmail"]); // leak TC1001 direct
        ThreadPool.QueueUserWorkItem(SendNotice, state);
        Interlocked.Increment(ref _queued);
    }

    /// <summary>The register's lookup link: <c>?studentNumber=…&amp;session=…</c>.</summary>
    public void OnAbsenceQuery(string rawQueryString)
    {
        NameValueCollection query = HttpUtility.ParseQueryString(rawQueryString);
        _log.Info("Absence lookup " + query); // leak TC1001 strings
        _log.Info("Absence lookup with " + query.Count + " parameter(s), session " + query["session"]); // clean precision-about
    }

    private static void SendNotice(object state)
    {
        NoticeState notice = (NoticeState)state;
        Activity activity = new ActivitySource("Contoso.Mis.Notices").StartActivity("SendAbsenceNotice");
        try
        {
            activity?.SetTag("notice.session", notice.SessionCode);
            activity?.SetTag("notice.guardian.has_phone", !string.IsNullOrEmpty(notice.GuardianPhone)); // clean precision-about
            activity?.SetTag("notice.guardian.email_domain", notice.GuardianEmail.Substring(notice.GuardianEmail.IndexOf('@') + 1)); // clean precision-about
            MailOutbox.Enqueue(notice.GuardianEmail, "absence-notice", notice.StudentNumber, notice.SessionDate);
            _log.Info("Absence notice sent to " + notice.GuardianEmail + " for " + notice.StudentNumber); // leak TC1001 cross-member
        }
        catch (SqlException ex)
        {
            _log.Error("Absence notice failed for session " + notice.SessionCode, ex); // clean exceptions
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
            activity?.Dispose();
        }
    }
}

/// <summary>The mail relay reads this table every minute; there is no unique key on it.</summary>
internal static class MailOutbox
{
    public static void Enqueue(string recipient, string template, string studentNumber, DateTime sessionDate)
    {
        using (SqlConnection connection = new SqlConnection(ConfigurationManager.ConnectionString("MIS")))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO dbo.MAIL_OUTBOX (RECIPIENT, TEMPLATE, STUDENT_NO, SESSION_DATE) VALUES (@Recipient, @Template, @StudentNumber, @SessionDate)";
            command.Parameters.AddWithValue("@Recipient", recipient);
            command.Parameters.AddWithValue("@Template", template);
            command.Parameters.AddWithValue("@StudentNumber", studentNumber);
            command.Parameters.AddWithValue("@SessionDate", sessionDate);
            connection.Open();
            command.ExecuteNonQuery();
        }
    }
}
