#nullable disable
using System;
using System.Runtime.Serialization;

namespace PrivacyHoldout28.Healthcare;

[Serializable]
public class PasException : Exception
{
    public PasException()
    {
    }

    public PasException(string message)
        : base(message)
    {
    }

    public PasException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string FaultCode { get; set; }
}

[Serializable]
public class PatientNotFoundException : PasException
{
    public PatientNotFoundException(string hospitalNumber)
        : base("Patient " + hospitalNumber + " was not found on the master patient index")
    {
        HospitalNumber = hospitalNumber;
        FaultCode = "PAS-404";
    }

    public string HospitalNumber { get; private set; }
}

/// <summary>Raised by the merge job; the message names the table only, the numbers are kept for the support screen.</summary>
[Serializable]
public class PatientMergeConflictException : PasException
{
    public PatientMergeConflictException(string conflictingTable, string survivingHospitalNumber, string retiredHospitalNumber)
        : base("Merge conflict in table " + conflictingTable)
    {
        ConflictingTable = conflictingTable;
        SurvivingHospitalNumber = survivingHospitalNumber;
        RetiredHospitalNumber = retiredHospitalNumber;
        FaultCode = "PAS-409";
    }

    public string ConflictingTable { get; private set; }

    public string SurvivingHospitalNumber { get; private set; }

    public string RetiredHospitalNumber { get; private set; }

    [Obsolete("Formatter-based serialization is obsolete; kept for the remoting clients.")]
    public override void GetObjectData(SerializationInfo info, StreamingContext context)
    {
        base.GetObjectData(info, context);
        info.AddValue("ConflictingTable", ConflictingTable);
        info.AddValue("SurvivingHospitalNumber", SurvivingHospitalNumber);
    }
}

[Serializable]
public class BedUnavailableException : PasException
{
    public BedUnavailableException(string wardCode)
        : base("No bed available on ward " + wardCode)
    {
        WardCode = wardCode;
        FaultCode = "PAS-503";
    }

    public string WardCode { get; private set; }
}
