"""Robustness of the visionbook Java kernel, through Jupyter's own client (jupyter_client).

Interrupts arrive as interrupt_request messages (kernel.json sets interrupt_mode: message), as
they do from JupyterLab's stop button. Run by KernelRobustnessIT (mvn verify).
"""
import os
import time
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("VISIONBOOK_KERNEL_NAME", "java")
TIMEOUT = 60


class KernelRobustnessTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=TIMEOUT):
        """Executes code; returns (reply content, iopub messages of this request)."""
        msg_id = self.kc.execute(code)
        reply = self.reply_to(msg_id, timeout)
        return reply["content"], self.drain(msg_id)

    def reply_to(self, msg_id, timeout=TIMEOUT):
        """The shell reply to msg_id (start-up leaves extra kernel_info replies queued)."""
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def drain(self, msg_id):
        messages = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return messages
            messages.append(msg)

    def value(self, code):
        content, messages = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        results = [m for m in messages if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, messages)
        return results[0]["content"]["data"]["text/plain"]

    def interrupt_after_start(self, code):
        """Starts code, interrupts it once it runs; returns (reply content, seconds from interrupt to reply)."""
        msg_id = self.kc.execute(code)
        # The cell prints 'started' once it runs: interrupt then, not while it compiles.
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream" \
                    and "started" in msg["content"]["text"]:
                break
        time.sleep(0.3)
        t0 = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.reply_to(msg_id)
        elapsed = time.monotonic() - t0
        self.drain(msg_id)
        return reply["content"], elapsed

    def test_interrupting_a_sleeping_cell_returns_within_two_seconds_and_keeps_state(self):
        self.run_cell("int keptAcrossInterrupt = 41;")
        # One snippet: the interrupt must find the sleep running, not the next snippet compiling.
        content, elapsed = self.interrupt_after_start('if (true) {\n  System.out.println("started");\n  Thread.sleep(60_000);\n}')
        print(f"\n  interrupt of Thread.sleep: reply after {elapsed:.3f} s")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "Interrupted")
        self.assertLess(elapsed, 2.0)
        self.assertEqual(self.value("keptAcrossInterrupt + 1"), "42")

    def test_interrupting_a_loop_that_ignores_interrupts_returns_within_two_seconds(self):
        self.run_cell("long spins = 0;")
        content, elapsed = self.interrupt_after_start(
            'if (true) {\n  System.out.println("started");\n'
            "  while (true) { try { Thread.sleep(5); } catch (InterruptedException e) { } spins++; }\n}")
        print(f"\n  interrupt of a loop ignoring interrupts: reply after {elapsed:.3f} s")
        self.assertEqual(content["ename"], "Interrupted")
        self.assertLess(elapsed, 2.0)
        self.assertEqual(self.value("spins > 0"), "true")

    def test_interrupting_training_returns_within_two_seconds_and_the_network_still_trains(self):
        content, _ = self.run_cell("""
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).list()
        .layer(new DenseLayer.Builder().nIn(64).nOut(256).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(256).nOut(1).activation(Activation.IDENTITY).build())
        .build());
net.init();
INDArray x = Nd4j.rand(DataType.FLOAT, 256, 64);
INDArray y = x.sum(true, 1);
int steps = 0;""", timeout=180)
        self.assertEqual(content["status"], "ok", content)
        content, elapsed = self.interrupt_after_start(
            'if (true) {\n  System.out.println("started");\n  while (true) { net.fit(x, y); steps++; }\n}')
        print(f"\n  interrupt of DL4J training: reply after {elapsed:.3f} s")
        self.assertEqual(content["ename"], "Interrupted")
        self.assertLess(elapsed, 2.0)
        self.assertEqual(self.value("net.fit(x, y);\nsteps > 0 && Double.isFinite(net.score())"), "true")

    def test_out_of_memory_is_reported_and_the_kernel_survives(self):
        self.run_cell("String survivor = \"still here\";")
        content, messages = self.run_cell("long[] huge = new long[Integer.MAX_VALUE - 16];")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "OutOfMemoryError")
        self.assertEqual(self.value("survivor"), "still here")

    def test_system_exit_is_reported_and_the_kernel_survives(self):
        self.run_cell("int beforeExit = 3;")
        content, messages = self.run_cell("System.exit(1);")
        self.assertEqual(content["ename"], "SystemExit")
        errors = [m for m in messages if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("System.exit(1)", errors[0]["content"]["evalue"])
        self.assertEqual(self.value("beforeExit"), "3")

    def test_a_hundred_megabytes_of_output_arrive_truncated_with_a_note(self):
        content, messages = self.run_cell(
            'String line = "y".repeat(99);\nfor (int i = 0; i < 1_000_000; i++) System.out.println(line);',
            timeout=240)
        self.assertEqual(content["status"], "ok")
        text = "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")
        print(f"\n  100 MB printed, {len(text)} characters sent")
        self.assertLess(len(text), 3 * 1024 * 1024)
        self.assertIn("output truncated", text)

    def test_redefining_a_method_and_a_class_keeps_unrelated_variables(self):
        self.run_cell("int untouched = 10;\nint scale(int x) { return x * 2; }\nclass Point { int x = 1; }")
        self.run_cell("int scale(int x) { return x * 3; }\nclass Point { int x = 5; }")
        self.assertEqual(self.value("untouched + scale(1) + new Point().x"), "18")

    def test_display_and_update_display_share_one_display_id(self):
        content, messages = self.run_cell('String id = display("first");\nupdateDisplay(id, "second");')
        shown = [m for m in messages if m["msg_type"] == "display_data"]
        updated = [m for m in messages if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(updated), 1)
        self.assertEqual(shown[0]["content"]["transient"]["display_id"], updated[0]["content"]["transient"]["display_id"])
        self.assertEqual(updated[0]["content"]["data"]["text/plain"], "second")

    def test_system_in_reads_what_the_user_types(self):
        msg_id = self.kc.execute('new java.util.Scanner(System.in).nextLine().toUpperCase()', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("typed in the notebook")
        reply = self.reply_to(msg_id)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [m for m in self.drain(msg_id) if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "TYPED IN THE NOTEBOOK")

    def test_a_compile_error_marks_the_span_on_the_cell_line(self):
        content, messages = self.run_cell('int fine = 1;\nint wrong = "text";')
        self.assertEqual(content["ename"], "CompileError")
        traceback = "\n".join(content["traceback"])
        self.assertIn('int wrong = "text";', traceback)
        self.assertIn("^^^^^^", traceback)
        self.assertIn("line 2", traceback)


if __name__ == "__main__":
    unittest.main()
