#nullable disable
using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;
using PrivacyHoldout28.Support.ServiceModel;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Education;

[ServiceBehavior(InstanceContextMode = InstanceContextMode.PerCall)]
public partial class EnrolmentService : IEnrolmentService
{
    private static readonly AppLogger _log = AppLogger.For(typeof(EnrolmentService));
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Mis.Enrolment");
    private static readonly Meter MisMeter = new Meter("Contoso.Mis");

    private readonly StudentDataAccess _dal;
    private readonly Pseudonymizer _pseudonymizer;

    public EnrolmentService(StudentDataAccess dal, Pseudonymizer pseudonymizer)
    {
        _dal = dal;
        _pseudonymizer = pseudonymizer;
    }

    public EnrolmentResult Enrol(EnrolmentRequest request)
    {
        using (LegacyOperationSpan span = Source.StartLegacyOperation("Enrol"))
        {
            _log.Info("Enrol: " + request); // clean logging-objects
            span.SetLegacySubjectId(_pseudonymizer.PseudonymizeLegacySubjectId(request.StudentNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag(LegacyAttributes.SubjectContact, _pseudonymizer.ComputeLegacySubjectId(request.GuardianEmail)); // leak TC1001 precision-pseudonym

            try
            {
                string reference = _dal.InsertEnrolment(request.StudentNumber, request.CourseCode, request.FundingSource);
                MisMeter.CreateLegacyOperationsCounter().Add(1, legacyOperation: "Enrol", legacyOutcome: "ok"); // clean generated-api
                return new EnrolmentResult { Accepted = true, EnrolmentReference = reference };
            }
            catch (SqlException ex) when (ex.Number == 2627 || ex.Number == 2601)
            {
                _log.Warn("Duplicate enrolment (SQL " + ex.Number + ") on course " + request.CourseCode); // clean precision-about
                _log.Error("Enrolment insert failed: " + ex.Message); // leak TC1001 exceptions
                MisMeter.CreateLegacyOperationsCounter().Add(1, legacyOperation: "Enrol", legacyOutcome: "duplicate:" + request.StudentNumber); // leak TC1003 generated-api
                return new EnrolmentResult { Accepted = false, Message = "Already enrolled" };
            }
            catch (DuplicateEnrolmentException ex)
            {
                _log.Error("Enrolment rejected", ex); // clean exceptions
                return new EnrolmentResult { Accepted = false, Message = ex.Message };
            }
            catch (StudentRecordLockedException ex)
            {
                span.RecordException(ex, "record locked", includeMessage: true); // leak TC1001 exceptions
                return new EnrolmentResult { Accepted = false, Message = "Record locked, try later" };
            }
        }
    }

    public void Withdraw(string studentNumber, string courseCode, string reasonCode)
    {
        Activity activity = Activity.Current;
        string reason;
        switch (reasonCode)
        {
            case "FIN":
                reason = "financial";
                break;
            case "MED":
                reason = "medical";
                break;
            case "EMP":
                reason = "employment";
                break;
            default:
                reason = "other";
                break;
        }

        if (activity != null)
        {
            activity.SetTag("mis.withdrawal.reason", reason); // clean precision-about
            activity.SetTag("mis.student_number", studentNumber); // leak TC1001 direct
        }

        try
        {
            _dal.MarkWithdrawn(studentNumber, courseCode, reason);
        }
        catch (StudentRecordLockedException ex)
        {
            Log.Error(ex, "Withdrawal from " + courseCode + " failed"); // leak TC1001 exceptions
        }
    }
}
