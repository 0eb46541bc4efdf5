#nullable disable
using System;
using System.Collections.Generic;
using PrivacyHoldout28.Support.ServiceModel;

namespace PrivacyHoldout28.Education;

[ServiceContract(Namespace = "urn:contoso-college:mis:enrolment:v3")]
public interface IEnrolmentService
{
    [OperationContract]
    EnrolmentResult Enrol(EnrolmentRequest request);

    [OperationContract]
    void Withdraw(string studentNumber, string courseCode, string reasonCode);
}

[DataContract]
public class EnrolmentRequest
{
    [DataMember(IsRequired = true)]
    public string StudentNumber { get; set; }

    [DataMember(IsRequired = true)]
    public string CourseCode { get; set; }

    [DataMember]
    public List<string> ModuleCodes { get; set; }

    [DataMember]
    public string GuardianEmail { get; set; }

    [DataMember]
    public string FundingSource { get; set; }

    // Printed in the logs: the course and how many modules, never the learner.
    public override string ToString()
    {
        return "EnrolmentRequest[" + CourseCode + ", " + (ModuleCodes == null ? 0 : ModuleCodes.Count) + " module(s), " + FundingSource + "]";
    }
}

[DataContract]
public class EnrolmentResult
{
    [DataMember]
    public bool Accepted { get; set; }

    [DataMember]
    public string EnrolmentReference { get; set; }

    [DataMember]
    public string Message { get; set; }
}

[Serializable]
public class MisException : Exception
{
    public MisException(string message)
        : base(message)
    {
    }

    public MisException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string Area { get; set; }
}

[Serializable]
public class StudentRecordLockedException : MisException
{
    public StudentRecordLockedException(string studentNumber, string lockedBy)
        : base(string.Format("Student record {0} is locked by {1}", studentNumber, lockedBy))
    {
        StudentNumber = studentNumber;
        LockedBy = lockedBy;
        Area = "Records";
    }

    public string StudentNumber { get; private set; }

    public string LockedBy { get; private set; }
}

/// <summary>The message names the course; the learner is kept in a property for the helpdesk screen.</summary>
[Serializable]
public class DuplicateEnrolmentException : MisException
{
    public DuplicateEnrolmentException(string studentNumber, string courseCode)
        : base("Already enrolled on " + courseCode)
    {
        StudentNumber = studentNumber;
        CourseCode = courseCode;
        Area = "Enrolment";
    }

    public string StudentNumber { get; private set; }

    public string CourseCode { get; private set; }
}

public class GradeChangedEventArgs : EventArgs
{
    public string StudentNumber { get; set; }

    public string CourseCode { get; set; }

    public string OldGrade { get; set; }

    public string NewGrade { get; set; }

    public string ChangedBy { get; set; }

    public override string ToString()
    {
        return StudentNumber + "/" + CourseCode + ": " + OldGrade + " -> " + NewGrade;
    }
}
