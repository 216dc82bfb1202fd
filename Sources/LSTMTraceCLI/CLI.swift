import TraceLSTM
