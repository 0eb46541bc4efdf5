#nullable disable
using System;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;

namespace PrivacyHoldout28.Healthcare;

public class PatientRepository
{
    private const int SlowQueryMilliseconds = 500;
    private static readonly AppLogger _log = AppLogger.For(typeof(PatientRepository));

    private readonly string _connectionString;

    public PatientRepository(string connectionString)
    {
        _connectionString = connectionString;
    }

    #region Queries

    public PatientDto FindByHospitalNumber(string hospitalNumber)
    {
        using (SqlConnection connection = new SqlConnection(_connectionString))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT HOSPITAL_NO, NHS_NO, SURNAME, FORENAME, DOB, WARD_CODE, PATIENT_CLASS FROM dbo.PATIENT WHERE HOSPITAL_NO = @HospitalNumber";
            command.Parameters.AddWithValue("@HospitalNumber", hospitalNumber);
            connection.Open();

            Stopwatch watch = Stopwatch.StartNew();
            using (DbDataReader reader = command.ExecuteReader())
            {
                LogIfSlow(command, watch); // leak TC1001 cross-member
                if (!reader.Read())
                {
                    return null;
                }

                PatientDto patient = new PatientDto();
                patient.HospitalNumber = reader.GetString(0);
                patient.NhsNumber = reader.IsDBNull(1) ? null : reader.GetString(1);
                patient.FamilyName = reader.GetString(reader.GetOrdinal("SURNAME"));
                patient.GivenName = reader.GetString(reader.GetOrdinal("FORENAME"));
                patient.DateOfBirth = reader.GetDateTime(4);
                patient.WardCode = reader["WARD_CODE"] as string;
                patient.PatientClass = (string)reader["PATIENT_CLASS"];

                if (patient.NhsNumber == null)
                {
                    _log.Warn("No NHS number on file for hospital number " + reader.GetString(0)); // leak TC1001 strings
                }

                Activity.Current?.SetTag("pas.patient.nhs_number_present", patient.NhsNumber != null); // clean precision-about
                Activity.Current?.SetTag("pas.patient.surname", reader["SURNAME"]); // leak TC1001 direct
                return patient;
            }
        }
    }

    public AdmissionDto InsertAdmission(AdmitRequest request, string method)
    {
        using (SqlConnection connection = new SqlConnection(_connectionString))
        using (SqlCommand command = new SqlCommand("dbo.usp_InsertAdmission", connection))
        {
            command.CommandType = CommandType.StoredProcedure;
            command.Parameters.Add(new SqlParameter("@HospitalNumber", SqlDbType.Char) { Size = 8, Value = request.HospitalNumber });
            command.Parameters.Add(new SqlParameter("@WardCode", SqlDbType.VarChar) { Value = request.WardCode });
            command.Parameters.Add(new SqlParameter("@ConsultantCode", SqlDbType.VarChar) { Value = request.ConsultantCode });
            command.Parameters.Add(new SqlParameter("@Method", SqlDbType.VarChar) { Value = method });
            SqlParameter admissionId = command.Parameters.Add(new SqlParameter("@AdmissionId", SqlDbType.Int) { Direction = ParameterDirection.Output });
            connection.Open();

            Stopwatch watch = Stopwatch.StartNew();
            command.ExecuteNonQuery();
            LogIfSlow(command, watch); // leak TC1001 cross-member

            return new AdmissionDto { AdmissionId = admissionId.Value == null ? 0 : (int)admissionId.Value, WardCode = request.WardCode, BedLabel = "TBC" };
        }
    }

    public int MovePatientRecords(string survivingHospitalNumber, string retiredHospitalNumber)
    {
        using (SqlConnection connection = new SqlConnection(_connectionString))
        using (SqlCommand command = new SqlCommand("dbo.usp_MergePatient", connection))
        {
            command.CommandType = CommandType.StoredProcedure;
            command.Parameters.AddWithValue("@Surviving", survivingHospitalNumber);
            command.Parameters.AddWithValue("@Retired", retiredHospitalNumber);
            connection.Open();
            int moved;
            try
            {
                moved = command.ExecuteNonQuery();
            }
            catch (SqlException ex) when (ex.Number == 50409)
            {
                // The procedure raises "MERGE_CONFLICT:<table>" when both records have rows it cannot merge.
                throw new PatientMergeConflictException(ex.Message.Substring(ex.Message.IndexOf(':') + 1), survivingHospitalNumber, retiredHospitalNumber);
            }

            Trace.TraceInformation("usp_MergePatient moved {0} row(s) with {1} parameter(s)", moved, command.Parameters.Count); // clean precision-about
            return moved;
        }
    }

    #endregion

    #region Audit

    public void WriteAccessAudit(string userName, string hospitalNumber, string action)
    {
        Guid auditId = Guid.NewGuid();
        using (SqlConnection connection = new SqlConnection(_connectionString))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO dbo.PAS_AUDIT (AUDIT_ID, USER_NAME, HOSPITAL_NO, ACTION, AT_UTC) VALUES (@Id, @User, @HospitalNumber, @Action, SYSUTCDATETIME())";
            command.Parameters.AddWithValue("@Id", auditId);
            command.Parameters.AddWithValue("@User", userName);
            command.Parameters.AddWithValue("@HospitalNumber", hospitalNumber);
            command.Parameters.AddWithValue("@Action", action);
            connection.Open();
            int rows = command.ExecuteNonQuery();

            Trace.TraceInformation("PAS_AUDIT row {0} written ({1} row(s), action {2})", auditId, rows, action); // clean precision-about
            Trace.TraceInformation("PAS_AUDIT: " + userName + " " + action + " " + hospitalNumber); // leak TC1001 strings
        }
    }

    #endregion

    private static void LogIfSlow(SqlCommand command, Stopwatch watch)
    {
        if (watch.ElapsedMilliseconds < SlowQueryMilliseconds)
        {
            return;
        }

        StringBuilder sb = new StringBuilder();
        foreach (SqlParameter p in command.Parameters)
        {
            sb.Append(p.ParameterName).Append('=').Append(p.Value).Append("; ");
        }

        _log.Warn("Slow query (" + watch.ElapsedMilliseconds + " ms): " + command.CommandText + " [" + sb + "]");
    }
}
