Console.WriteLine("tutor");
